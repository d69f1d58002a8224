package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.webhook.WebhookClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor of a bot round trip: the same three exchanges as through Parley — the contact's {@code POST}
 * of a message (answered {@code 202}), the webhook call to the bot, the bot's reply pushed as a frame on
 * the contact's WebSocket — on the same paths, with the same server (Javalin on virtual threads) and the
 * same webhook client, but nothing stored: conversations live in a map and are gone on close.
 */
final class Relay implements AutoCloseable {
    private static final String BASE = "/api/web/v1";

    /** A conversation: its contact's token, its session id at the bot, and its open socket if any. */
    private record Conversation(String token, String cid, ConcurrentHashMap<String, WsContext> sockets) {}

    private final Javalin app;
    private final URI webhook;
    private final Duration timeout;
    private final WebhookClient bot = new WebhookClient();
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

    private Relay(URI webhook, Duration timeout) {
        this.webhook = webhook;
        this.timeout = timeout;
        this.app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post(BASE + "/widgets/{widget}/conversations", this::open);
            cfg.routes.post(BASE + "/conversations/{id}/messages", this::write);
            cfg.routes.ws(BASE + "/conversations/{id}/stream", ws -> {
                ws.onConnect(this::connect);
                ws.onClose(ctx -> forget(ctx));
                ws.onError(ctx -> forget(ctx));
            });
        });
    }

    /** Starts the relay on a random loopback port, calling the bot at {@code webhook}. */
    static Relay start(URI webhook, Duration timeout) {
        Relay relay = new Relay(webhook, timeout);
        try {
            relay.app.start("127.0.0.1", 0);
        } catch (RuntimeException e) {
            throw new BenchException("cannot start the relay on 127.0.0.1: " + e.getMessage(), e);
        }
        return relay;
    }

    int port() {
        return app.port();
    }

    private void open(Context ctx) {
        String id = UUID.randomUUID().toString();
        String token = UUID.randomUUID().toString();
        conversations.put(id, new Conversation(token, "chatbot::" + BenchWorkspace.BOT + ":" + id,
                new ConcurrentHashMap<>()));
        ctx.status(201).json(Json.object().put("conversation_id", id).put("contact_token", token));
    }

    private void write(Context ctx) {
        Optional<Conversation> conv = authorised(ctx.pathParam("id"), bearer(ctx.header("Authorization")));
        if (conv.isEmpty()) {
            ctx.status(401).json(Json.object().put("error", "unknown conversation or token"));
            return;
        }
        Optional<JsonNode> body = parse(ctx.body()).filter(b -> b.path("body").isTextual());
        if (body.isEmpty()) {
            ctx.status(400).json(Json.object().put("error", "a JSON object with body, a string, is expected")
                    .put("path", "body"));
            return;
        }
        ObjectNode event = Json.object();
        event.putObject("info").put("cid", conv.get().cid());
        event.putObject("packet").put("name", "message").putObject("payload").put("body", body.get().path("body").asText());
        ctx.status(202);
        Thread.startVirtualThread(() -> relay(conv.get(), Json.write(event)));
    }

    /**
     * Calls the bot and pushes its answer's packet to the contact's sockets as Parley's item frame looks;
     * a failed call sends nothing, and the contact counts the round trip as failed when its wait runs out.
     */
    private void relay(Conversation conv, String event) {
        if (!(bot.post(webhook, Map.of(), event, timeout) instanceof WebhookClient.Outcome.Answered answered)
                || answered.status() / 100 != 2) {
            return;
        }
        Optional<JsonNode> parsed = parse(answered.body());
        if (parsed.isEmpty()) {
            return;
        }
        JsonNode answer = parsed.get();
        ObjectNode frame = Json.object().put("type", "item");
        frame.putObject("author").put("type", "bot").put("id", BenchWorkspace.BOT);
        frame.set("packet", answer.path("packet"));
        String text = Json.write(frame);
        conv.sockets().values().forEach(ws -> ws.send(text));
    }

    private void connect(WsContext ctx) {
        Optional<Conversation> conv = authorised(ctx.pathParam("id"), Optional.ofNullable(ctx.queryParam("token")));
        if (conv.isEmpty()) {
            ctx.closeSession(4401, "unknown conversation or token");
            return;
        }
        conv.get().sockets().put(ctx.sessionId(), ctx);
    }

    private void forget(WsContext ctx) {
        Optional.ofNullable(conversations.get(ctx.pathParam("id")))
                .ifPresent(conv -> conv.sockets().remove(ctx.sessionId()));
    }

    private Optional<Conversation> authorised(String id, Optional<String> token) {
        return Optional.ofNullable(conversations.get(id)).filter(conv -> token.filter(t -> MessageDigest.isEqual(
                t.getBytes(StandardCharsets.UTF_8), conv.token().getBytes(StandardCharsets.UTF_8))).isPresent());
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            return Optional.of(Json.MAPPER.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> bearer(String header) {
        return Optional.ofNullable(header).filter(h -> h.startsWith("Bearer ")).map(h -> h.substring(7));
    }

    @Override
    public void close() {
        app.stop();
    }
}
