package dev.parley.chatbot;

import dev.parley.limit.Limiter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.auth.Secrets;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.metrics.LogContext;
import dev.parley.routing.Bot;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The API URL: bots trigger events at any time (chatbot spec §4, answers of §4.1). */
public final class ChatbotApi {
    public static final int MAX_BODY = 256 * 1024;
    private static final Pattern CID = Pattern.compile("^chatbot::([^:]+):[0-9a-f]{32}$");

    private final Database db;
    private final WorkspaceStore workspace;
    private final SessionStore sessions;
    private final ChatbotService chatbot;
    private final Limiter limiter;

    ChatbotApi(Database db, WorkspaceStore workspace, SessionStore sessions, ChatbotService chatbot,
            Limiter limiter) {
        this.db = db;
        this.workspace = workspace;
        this.sessions = sessions;
        this.chatbot = chatbot;
        this.limiter = limiter;
    }

    /**
     * What a request did; {@code deprecated} names a deprecated event it used, {@code warnings} what was
     * forgiven (an unknown text format shown as plain text).
     */
    public record Applied(int count, Optional<String> deprecated, List<String> warnings) {}

    /** Authenticates, validates and applies one request. */
    public Applied receive(String botId, Optional<String> token, byte[] body) {
        Bot bot = db.read(h -> workspace.bot(h, botId)).orElseThrow(() -> ClientError.notFound("bot", botId));
        if (token.isEmpty() || token.get().isBlank()) {
            throw ClientError.unauthorized("the SECURITY-TOKEN header is missing");
        }
        if (bot.apiTokenHash().isEmpty()) {
            throw ClientError.unauthorized("bot '" + botId + "' has no API token yet; generate one first");
        }
        if (!Secrets.matches(token.get(), bot.apiTokenHash().get())) {
            throw ClientError.unauthorized("the SECURITY-TOKEN is not valid for bot '" + botId + "'");
        }
        if (body.length > MAX_BODY) {
            throw new ClientError(ClientError.Kind.TOO_LARGE, "body_too_large",
                    "the body has " + body.length + " bytes; the limit is " + MAX_BODY + " bytes (256 KB)",
                    Optional.empty(), Optional.empty());
        }
        JsonNode root = parseJson(body);
        String cid = sessionOf(root);
        java.util.regex.Matcher m = CID.matcher(cid);
        if (!m.matches() || !m.group(1).equals(botId)) {
            throw new ClientError(ClientError.Kind.NOT_FOUND, "unknown_session",
                    "cid '" + cid + "' is not a session of bot '" + botId + "'", Optional.of(cidPath(root)),
                    Optional.empty());
        }
        Session session = db.read(h -> sessions.find(h, cid)).filter(s -> s.botId().equals(botId))
                .orElseThrow(() -> new ClientError(ClientError.Kind.NOT_FOUND, "unknown_session",
                        "no session '" + cid + "' for bot '" + botId + "'", Optional.of(cidPath(root)),
                        Optional.empty()));
        LogContext.conversation(session.conversationId());
        if (!session.active()) {
            throw ClientError.conflict("session_ended", "session '" + cid
                    + "' has ended; events can no longer be sent to it");
        }
        Optional<Duration> wait = limiter.tryAcquire(cid);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ClientError(ClientError.Kind.RATE_LIMITED, "rate_limited",
                    "over 20 requests per minute for session '" + cid + "'; retry in " + seconds + " s",
                    Optional.empty(), Optional.of(Duration.ofSeconds(seconds)));
        }
        List<BotEvent> events;
        try {
            events = EventParser.parse(root);
        } catch (InvalidEventException e) {
            throw ClientError.badRequest(e.code(), e.getMessage(), e.path());
        }
        for (int i = 0; i < events.size(); i++) {
            events.get(i).notices().stream().filter(n -> n.code().equals(EventNotice.CONTEXT_TOO_LARGE)).findFirst()
                    .ifPresent(n -> {
                        throw ClientError.badRequest(n.code(), n.message(), n.path());
                    });
            if (!events.get(i).cid().equals(cid)) {
                throw ClientError.badRequest("invalid_event", "[" + i + "].info.cid: all events of one request must"
                        + " name the same session", "[" + i + "].info.cid");
            }
        }
        MediaEvents.Resolved resolved = chatbot.resolveMedia(events);
        if (resolved.failure().isPresent()) {
            String path = (root.isArray() ? "[" + resolved.failure().get().index() + "]." : "") + "packet.payload.url";
            throw new ClientError(ClientError.Kind.BAD_GATEWAY, "media_fetch_failed",
                    resolved.failure().get().message(), Optional.of(path), Optional.empty());
        }
        int applied = db.write(tx -> {
            if (sessions.find(tx.handle(), cid).filter(Session::active).isEmpty()) {
                throw ClientError.conflict("session_ended", "session '" + cid + "' has ended");
            }
            return chatbot.apply(tx, bot, cid, resolved.events(), Refusals.ALL_OR_NOTHING);
        });
        return new Applied(applied, events.stream().map(BotEvent::name).filter("button"::equals).findFirst(),
                events.stream().flatMap(e -> e.notices().stream()).map(EventNotice::message).toList());
    }

    private static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            throw ClientError.badRequest("invalid_json", "the body is empty; send one event object or a list of them");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ClientError.badRequest("invalid_json", Json.describe(e));
        } catch (java.io.IOException e) {
            throw ClientError.badRequest("invalid_json", "the body cannot be read as JSON");
        }
    }

    /** The cid of the first event, read leniently so that session errors come before payload errors. */
    private static String sessionOf(JsonNode root) {
        JsonNode first = root.isArray() ? root.path(0) : root;
        JsonNode cid = first.path("info").path("cid");
        if (!cid.isTextual() || cid.asText().isEmpty()) {
            String path = cidPath(root);
            throw ClientError.badRequest("invalid_event", path + " is required: the session id from the webhook call",
                    path);
        }
        return cid.asText();
    }

    private static String cidPath(JsonNode root) {
        return root.isArray() ? "[0].info.cid" : "info.cid";
    }
}
