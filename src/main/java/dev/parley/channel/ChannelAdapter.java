package dev.parley.channel;

import dev.parley.conversation.Packet;
import java.util.List;

/**
 * One messaging channel's two halves against its vendor's real wire format (channels.md §1).
 *
 * <p>Inbound, in this order: {@link #verify} the raw bytes (before anything is parsed; a refusal
 * stores nothing), {@link #parse} them into the vendor's messages, which Parley de-duplicates by
 * {@link InboundMessage#vendorMessageId()} before storing the packets each one normalised to.
 *
 * <p>Outbound: {@link #send} renders one packet for the channel (binding table of channels.md §2,
 * every vendor limit enforced by falling back to the next form), sends it, and answers with the
 * vendor's message id or whether the failure is worth a retry.
 */
public interface ChannelAdapter {

    ChannelType type();

    /** Whether the request really comes from the vendor (signature over the raw body, secret token…). */
    Verification verify(InboundRequest request);

    /** The vendor's messages in a verified request, each normalised to packets; statuses and echoes give none. */
    List<InboundMessage> parse(InboundRequest request);

    /** Renders {@code packet} for {@code recipient} (the vendor's user id) and sends it. */
    SendResult send(String recipient, Packet packet);
}
