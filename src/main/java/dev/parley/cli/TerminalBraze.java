package dev.parley.cli;

import dev.parley.flow.engine.ActionCall;
import dev.parley.flow.engine.ActionCaller;
import dev.parley.json.Json;
import java.util.Map;
import java.util.Optional;

/**
 * The Braze actions in the terminal chat: Braze updates go through the server's durable outbox, so
 * here they answer outcome {@code error} and the flow takes its error route.
 */
final class TerminalBraze {

    private TerminalBraze() {
    }

    static Map<String, ActionCaller> callers() {
        ActionCaller refuse = (action, request) -> {
            String cause = action + " is not sent from the terminal chat; run the flow in Parley";
            return new ActionCall("error", Json.object().put("error", cause), Optional.of(cause), Optional.empty());
        };
        return Map.of("braze.track", refuse, "braze.profile", refuse);
    }
}
