package dev.parley.channel.whatsapp;

/** Where WhatsApp takes a media file from: a public https link, or the id of a file uploaded before. */
public sealed interface MediaSource {
    record Link(String url) implements MediaSource {}

    record Id(String id) implements MediaSource {}
}
