package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** What a contact sends to open a conversation on a widget. */
public record OpenRequest(Optional<String> name, Optional<String> email, Optional<String> locale,
        Optional<String> pageUrl, Optional<ObjectNode> pageTags, boolean proactive, Optional<String> contactToken) {
}
