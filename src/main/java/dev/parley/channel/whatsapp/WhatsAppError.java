package dev.parley.channel.whatsapp;

import java.util.Optional;

/** An error in a webhook ({@code statuses[].errors}, {@code value.errors}): code, title, message, details. */
public record WhatsAppError(int code, String title, Optional<String> message, Optional<String> details) {}
