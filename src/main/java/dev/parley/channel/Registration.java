package dev.parley.channel;

/** How telling the vendor the channel's webhook URL at start went (see {@link ChannelAdapter#register}). */
public sealed interface Registration {

    /** The channel does not register its webhook itself (the vendor's dashboard does, or it was not asked to). */
    record NotAsked() implements Registration {}

    /** The vendor took the URL. */
    record Registered(String webhookUrl) implements Registration {}

    /** The vendor refused it or could not be reached; {@code reason} is for the log (never a secret). */
    record Failed(String reason) implements Registration {}
}
