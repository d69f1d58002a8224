package dev.parley.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One e-mail to send through the configured mail server.
 *
 * @param to        the recipients, at least one
 * @param replyTo   where answers go, when not to the sender
 * @param subject   one line
 * @param text      the plain text part
 * @param html      an HTML alternative of {@code text}, already escaped
 * @param messageId a fixed {@code Message-ID} local part, kept the same on retries so receivers can tell repeats
 */
public record Mail(List<String> to, Optional<String> replyTo, String subject, String text, Optional<String> html,
        Optional<String> messageId) {

    public Mail {
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an e-mail has at least one recipient");
        }
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(messageId, "messageId");
    }
}
