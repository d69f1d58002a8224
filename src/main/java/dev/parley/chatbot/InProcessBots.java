package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.routing.Bot;
import dev.parley.store.Tx;
import java.util.function.Consumer;

/**
 * Bots whose brain runs inside Parley (flow bots). They get exactly what a webhook call carries
 * and answer exactly as a webhook does, so their events take the same validation and path.
 */
public interface InProcessBots {

    /**
     * Answers one event of {@code bot}'s session. Runs outside any transaction; may call out
     * (action nodes), but must not write to the database itself.
     *
     * @param info   the {@code info} object of the Chatbot API, with the session's context
     * @param packet the event
     */
    Answer answer(Bot bot, ObjectNode info, ObjectNode packet);

    /**
     * @param body    the events as a webhook answer body: a JSON list, possibly empty
     * @param context the session's new context
     * @param effects work committed together with the answer
     */
    record Answer(String body, ObjectNode context, Consumer<Tx> effects) {
    }
}
