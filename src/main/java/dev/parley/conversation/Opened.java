package dev.parley.conversation;

import java.util.Optional;

/** A conversation just opened; the token only when a new contact was created (it is shown once). */
public record Opened(String conversationId, String contactId, Optional<String> contactToken) {
}
