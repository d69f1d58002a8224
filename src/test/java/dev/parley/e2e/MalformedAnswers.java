package dev.parley.e2e;

import static dev.parley.e2e.BotEvents.bigContext;
import static dev.parley.e2e.BotEvents.event;
import static dev.parley.e2e.BotEvents.list;
import static dev.parley.e2e.BotEvents.message;
import static dev.parley.e2e.BotEvents.withContext;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.WebhookRecorder.Reply;
import java.util.Map;

/** The webhook of the malformed-input suites: answers the trigger texts badly, everything else with nothing. */
final class MalformedAnswers {
    static final String INVALID_ANSWER = "answer with an invalid second event";
    static final String BIG_CONTEXT_ANSWER = "answer with a context over 10 KB";
    static final String BROKEN_ANSWER = "answer with broken JSON";
    static final String NUL_ANSWER = "answer with a NUL character in the contact name";
    static final String NUL = "before\u0000after";

    private MalformedAnswers() {}

    static Reply answer(Map<String, String> headers, String body) {
        JsonNode call = Json.parseStored(body);
        String cid = call.path("info").path("cid").asText();
        return switch (call.path("packet").path("payload").path("body").asText()) {
            case INVALID_ANSWER -> Reply.json(list(message(cid, "first of three"),
                    event(cid, "bubbles", BotEvents.duplicateIds()), message(cid, "third of three")));
            case BIG_CONTEXT_ANSWER -> Reply.json(withContext(message(cid, "too much context"), bigContext()));
            case BROKEN_ANSWER -> new Reply(200, "{\"info\": {\"cid\": ");
            case NUL_ANSWER -> Reply.json(list(event(cid, "contact_update", Json.object().put("name", NUL)),
                    message(cid, "name noted")));
            default -> Reply.empty();
        };
    }
}
