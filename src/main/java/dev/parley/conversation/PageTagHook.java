package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Map;

/**
 * What another feature does when a contact tags a page (Braze forwarding). Called inside the transaction
 * that stores the tags on the contact, so its effects commit with them and happen once.
 */
public interface PageTagHook {

    /**
     * {@code contact} tagged {@code tags} (name → properties) at {@code at} in {@code conversation}, which
     * may already have ended.
     */
    void tagged(Tx tx, Conversation conversation, Contact contact, Map<String, ObjectNode> tags, Instant at);
}
