package dev.parley.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.chatbot.ChatbotApi;
import dev.parley.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** The API URL of every bot, versioned and unversioned (the alias means the latest version). */
final class ChatbotRoutes {
    private final ChatbotApi api;

    ChatbotRoutes(ChatbotApi api) {
        this.api = api;
    }

    void register(RoutesConfig r) {
        r.post("/api/chatbot/v1/bots/{bot}/events", this::events);
        r.post("/api/chatbot/bots/{bot}/events", this::events);
    }

    private void events(Context ctx) {
        byte[] body = Bodies.bytes(ctx, ChatbotApi.MAX_BODY);
        ChatbotApi.Applied applied = api.receive(ctx.pathParam("bot"),
                Optional.ofNullable(ctx.header("SECURITY-TOKEN")), body);
        applied.deprecated().ifPresent(name -> {
            ctx.header("Deprecation", "true");
            ctx.header("Warning", "299 - \"the '" + name + "' event is deprecated; use 'buttons'\"");
        });
        ObjectNode answer = Json.object().put("status", "ok").put("applied", applied.count());
        if (!applied.warnings().isEmpty()) {
            applied.warnings().forEach(answer.putArray("warnings")::add);
        }
        ctx.json(answer);
    }
}
