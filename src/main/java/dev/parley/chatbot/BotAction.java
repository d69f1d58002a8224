package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.addon.DispatchRequest;
import dev.parley.conversation.Packet;
import dev.parley.media.MediaKind;
import java.util.List;
import java.util.Optional;

/** What a validated triggerable event asks Parley to do. */
public sealed interface BotAction {

    /** Show a packet to the contact (message, bubbles, button template, …). */
    record Say(Packet packet) implements BotAction {}

    /** Change what is known about the contact; absent fields stay as they are, custom fields merge. */
    record UpdateContact(Optional<String> name, Optional<String> email, Optional<String> mobileNumber,
            Optional<String> externalCustomerId, Optional<ObjectNode> customFields, Optional<Boolean> campaigns)
            implements BotAction {}

    /** Hand the conversation to a human; with {@code feedback} a failure keeps the session and tells the bot. */
    record Forward(Target target, boolean feedback) implements BotAction {
        /** Where a forward goes. */
        public sealed interface Target {
            /** Any available operator of the bot's own group. */
            record Any() implements Target {}

            /** An available operator of a named group. */
            record Group(String groupId) implements Target {}

            /** An available operator having all skills. */
            record Skills(List<String> skills) implements Target {}
        }
    }

    /** End the session and the conversation. */
    record End() implements BotAction {}

    /** The bot leaves; the conversation goes on with humans (or waits in the inbox). */
    record Abort() implements BotAction {}

    /** Later events of the same answer or request wait {@code millis}; the contact sees typing meanwhile. */
    record Delay(long millis, boolean typing) implements BotAction {}

    /**
     * Show a file to the contact. Parley stores the file at {@code url} before anything is applied;
     * from then on {@code url} is Parley's own URL of the stored file.
     */
    record Media(String url, Optional<MediaKind> type, Optional<String> filename, Optional<String> caption)
            implements BotAction {}

    /** A note on the conversation, or on the contact when {@code contactIdentityId} is given. */
    record CreateNote(String body, Optional<String> contactIdentityId) implements BotAction {}

    /** Run an add-on, or e-mail the transcript, once the conversation has ended. */
    record Dispatch(DispatchRequest request) implements BotAction {}

    /** Change the conversation's subject, topics, locale or custom fields (merged). */
    record UpdateConversation(Optional<String> subject, Optional<List<String>> topics, Optional<String> locale,
            Optional<ObjectNode> customFields) implements BotAction {}
}
