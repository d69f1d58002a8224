package dev.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.TimelineStore;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.metrics.Meters;
import dev.parley.offline.VisitorPresence;
import dev.parley.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/web/v1/conversations/{id}/stream}: a WebSocket that pushes every new transcript item
 * and typing signals. The token comes as {@code Authorization: Bearer} or {@code ?token=} (browsers
 * cannot set headers on WebSockets). {@code ?after=<seq>} or a message {@code {"after": <seq>}} resumes.
 */
final class StreamRoutes {
    private final ContactService contacts;
    private final Database db;
    private final TimelineStore timeline;
    private final LiveHub hub;
    private final VisitorPresence visitors;
    private final ConcurrentHashMap<String, StreamSession> open = new ConcurrentHashMap<>();

    StreamRoutes(ContactService contacts, Database db, TimelineStore timeline, LiveHub hub,
            VisitorPresence visitors) {
        this.visitors = visitors;
        this.contacts = contacts;
        this.db = db;
        this.timeline = timeline;
        this.hub = hub;
    }

    void register(RoutesConfig r) {
        r.ws(ContactRoutes.BASE + "/conversations/{id}/stream", ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(ctx -> {
                StreamSession s = open.get(ctx.sessionId());
                if (s != null) {
                    s.resume(afterOf(ctx.message()));
                }
            });
            ws.onClose(ctx -> close(ctx.sessionId()));
            ws.onError(ctx -> close(ctx.sessionId()));
        });
    }

    private void connect(WsContext ctx) {
        String conversationId = ctx.pathParam("id");
        Contact contact;
        try {
            String header = ctx.header("Authorization");
            String token = header != null ? ContactRoutes.bearer(header) : ctx.queryParam("token");
            if (token == null || token.isBlank()) {
                throw ClientError.unauthorized("send the contact token as ?token= or Authorization: Bearer");
            }
            contact = contacts.authenticate(token);
            contacts.owned(contact, conversationId);
        } catch (ClientError e) {
            ctx.send(Json.write(Json.object().put("type", "error").put("code", e.code()).put("message", e.getMessage())));
            ctx.closeSession(e.kind() == ClientError.Kind.UNAUTHORIZED ? 4401 : 4404, e.getMessage());
            return;
        }
        ctx.enableAutomaticPings();
        StreamSession session = new StreamSession(ctx, conversationId, db, timeline);
        open.put(ctx.sessionId(), session);
        visitors.opened(conversationId);
        Meters.socketOpened(Meters.Socket.WIDGET);
        session.start(hub.subscribe(conversationId, session));
        String after = ctx.queryParam("after");
        session.resume(parseAfter(after));
    }

    private void close(String sessionId) {
        StreamSession s = open.remove(sessionId);
        if (s != null) {
            Meters.socketClosed(Meters.Socket.WIDGET);
            s.close();
            visitors.closed(s.conversationId());
        }
    }

    private static long afterOf(String message) {
        try {
            JsonNode n = Json.MAPPER.readTree(message);
            return n.path("after").canConvertToLong() ? Math.max(0, n.path("after").asLong()) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static long parseAfter(String raw) {
        if (raw == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
