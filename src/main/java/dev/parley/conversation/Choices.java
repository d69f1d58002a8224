package dev.parley.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.error.ClientError;
import dev.parley.store.Tx;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Choice messages on the web channel: a step answered once (chatbot spec §10). */
final class Choices {
    static final Set<String> CHOICE_PACKETS = Set.of("bubbles", "carousel", "button_template", "list_template");

    record Option(String id, String label) {}

    private Choices() {}

    static Option option(TimelineItem choice, String optionId) {
        if (!CHOICE_PACKETS.contains(choice.packet().name())) {
            throw ClientError.badRequest("not_a_choice",
                    "message '" + choice.id() + "' is a " + choice.packet().name() + ", not a choice", "message_id");
        }
        for (JsonNode o : choice.packet().payload().path("options")) {
            if (optionId.equals(o.path("id").asText())) {
                return new Option(optionId, o.path("label").asText());
            }
        }
        throw ClientError.badRequest("unknown_option",
                "option_id '" + optionId + "' is not an option of message '" + choice.id() + "'", "option_id");
    }

    static boolean answered(Handle h, String messageId) {
        return h.createQuery("SELECT COUNT(*) FROM choice_answers WHERE message_id = :m").bind("m", messageId)
                .mapTo(Integer.class).one() > 0;
    }

    static void recordAnswer(Tx tx, String conversationId, String messageId, String optionId, long seq) {
        tx.handle().createUpdate("""
                INSERT INTO choice_answers (message_id, conversation_id, option_id, click_seq)
                VALUES (:m, :c, :o, :s)""")
                .bind("m", messageId).bind("c", conversationId).bind("o", optionId).bind("s", seq).execute();
    }
}
