package dev.parley.channel;

import dev.parley.conversation.Contact;
import dev.parley.conversation.Conversation;
import dev.parley.store.Tx;
import java.util.Optional;

/**
 * A step of {@link InboundPipeline} between knowing who wrote and handing the message to the conversation (and so
 * to its bot), such as the unsubscribe keyword: it may answer the message itself.
 */
public interface InboundStep {

    /** One message as the step sees it: the channel, the contact, their open conversation (if any). */
    record Inbound(ServedChannel channel, Contact contact, Optional<Conversation> conversation,
            InboundMessage message) {}

    /**
     * Whether the step took care of the message in {@code tx}: then it is recorded as received and goes no
     * further.
     */
    boolean handled(Tx tx, Inbound inbound);
}
