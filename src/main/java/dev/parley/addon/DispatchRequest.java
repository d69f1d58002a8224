package dev.parley.addon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;

/**
 * What a bot asks Parley to run with a conversation once it has ended ({@code addon_dispatch},
 * {@code email_dispatch}; chatbot-api.md §4).
 */
public sealed interface DispatchRequest {

    /** Run the configured add-on called {@code name}. */
    record Addon(String name) implements DispatchRequest {}

    /** E-mail the transcript to the operator {@code operatorId}. */
    record EmailToOperator(String operatorId) implements DispatchRequest {}

    /** E-mail the transcript to the conversation's contact. */
    record EmailToContact() implements DispatchRequest {}

    /** The outbox kind that runs it, which is also how it is stored. */
    default String kind() {
        return switch (this) {
            case Addon a -> AddonRunner.KIND;
            case EmailToOperator o -> TranscriptMailer.KIND;
            case EmailToContact c -> TranscriptMailer.KIND;
        };
    }

    /** The request as the Chatbot API writes its payload. */
    default ObjectNode toJson() {
        ObjectNode payload = Json.object();
        switch (this) {
            case Addon a -> payload.put("type", a.name());
            case EmailToOperator o -> payload.putObject("recipient").put("type", "operator").put("id", o.operatorId());
            case EmailToContact c -> payload.putObject("recipient").put("type", "contact");
        }
        return payload;
    }

    /** Reads what {@link #toJson} wrote. */
    static DispatchRequest fromJson(ObjectNode payload) {
        if (payload.has("type")) {
            return new Addon(payload.path("type").asText());
        }
        return payload.path("recipient").path("type").asText().equals("operator")
                ? new EmailToOperator(payload.path("recipient").path("id").asText())
                : new EmailToContact();
    }
}
