package dev.parley.conversation;

import dev.parley.error.ClientError;
import dev.parley.store.Tx;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Choice messages: a step answered once (chatbot spec §10), on the web and on messaging channels. */
public final class Choices {
    private Choices() {}

    public static ChoicePacket.Option option(TimelineItem choice, String optionId) {
        List<ChoicePacket.Option> options = switch (choice.packet()) {
            case ChoicePacket.Bubbles b -> b.choices();
            case ChoicePacket.Carousel c -> c.choices();
            case ChoicePacket.ButtonTemplate t -> t.choices();
            case ChoicePacket.ListTemplate l -> l.choices();
            case ChoicePacket.Button b -> throw notAChoice(choice);
            case ChoicePacket.Buttons b -> throw notAChoice(choice);
            case ChoicePacket.Navigate n -> throw notAChoice(choice);
            case ChatPacket c -> throw notAChoice(choice);
            case StatePacket s -> throw notAChoice(choice);
            case Packet.Raw r -> throw notAChoice(choice);
        };
        for (ChoicePacket.Option o : options) {
            if (optionId.equals(o.id())) {
                return o;
            }
        }
        throw ClientError.badRequest("unknown_option",
                "option_id '" + optionId + "' is not an option of message '" + choice.id() + "'", "option_id");
    }

    private static ClientError notAChoice(TimelineItem choice) {
        return ClientError.badRequest("not_a_choice",
                "message '" + choice.id() + "' is a " + choice.packet().event() + ", not a choice", "message_id");
    }

    public static boolean answered(Handle h, String messageId) {
        return h.createQuery("SELECT COUNT(*) FROM choice_answers WHERE message_id = :m").bind("m", messageId)
                .mapTo(Integer.class).one() > 0;
    }

    public static void recordAnswer(Tx tx, String conversationId, String messageId, String optionId, long seq) {
        tx.handle().createUpdate("""
                INSERT INTO choice_answers (message_id, conversation_id, option_id, click_seq)
                VALUES (:m, :c, :o, :s)""")
                .bind("m", messageId).bind("c", conversationId).bind("o", optionId).bind("s", seq).execute();
    }
}
