package dev.parley.web;

import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.metrics.Meters;
import dev.parley.operator.OperatorAuth;
import dev.parley.operator.OperatorStream;
import dev.parley.operator.OperatorStreams;
import dev.parley.operator.Presence;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/stream}: the console's WebSocket ({@link OperatorStream}). The operator token
 * comes as {@code ?token=} (browsers cannot set headers on WebSockets) or {@code Authorization: Bearer}.
 * The token is checked again before every frame: once it is revoked (log-out, new password, operator
 * deleted) or the operator's role changed, the socket closes with 4401 instead of sending the frame.
 */
final class OperatorStreamRoutes {
    /** The close code of a socket whose token is not (or no longer) valid. */
    static final int REVOKED = 4401;

    private final OperatorAuth auth;
    private final OperatorStreams streams;
    private final Presence presence;
    private final ConcurrentHashMap<String, Open> open = new ConcurrentHashMap<>();

    /** An open console socket and whose it is. */
    private record Open(OperatorStream stream, String operatorId) {}

    OperatorStreamRoutes(OperatorAuth auth, OperatorStreams streams, Presence presence) {
        this.auth = auth;
        this.streams = streams;
        this.presence = presence;
    }

    void register(RoutesConfig r) {
        r.ws(OperatorRoutes.BASE + "/stream", ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(ctx -> {
                Open o = open.get(ctx.sessionId());
                if (o != null) {
                    o.stream().command(ctx.message());
                }
            });
            ws.onClose(ctx -> close(ctx.sessionId()));
            ws.onError(ctx -> close(ctx.sessionId()));
        });
    }

    private void connect(WsContext ctx) {
        Operator me;
        String token;
        try {
            String header = ctx.header("Authorization");
            token = header != null ? ContactRoutes.bearer(header) : ctx.queryParam("token");
            if (token == null || token.isBlank()) {
                throw ClientError.unauthorized("send the operator token as ?token= or Authorization: Bearer");
            }
            me = auth.authenticate(token);
        } catch (ClientError e) {
            ctx.send(Json.write(Json.object().put("type", "error").put("code", e.code()).put("message", e.getMessage())));
            ctx.closeSession(REVOKED, e.getMessage());
            return;
        }
        ctx.enableAutomaticPings();
        open.put(ctx.sessionId(), new Open(streams.open(me, frame -> {
            if (auth.current(token).filter(now -> now.id().equals(me.id()) && now.role() == me.role()).isEmpty()) {
                ctx.closeSession(REVOKED, "the operator token was revoked or the operator's role changed; log in again");
                throw new OperatorStream.Revoked(me.id());
            }
            ctx.send(frame);
        }), me.id()));
        presence.opened(me.id());
        Meters.socketOpened(Meters.Socket.CONSOLE);
    }

    private void close(String sessionId) {
        Open o = open.remove(sessionId);
        if (o != null) {
            Meters.socketClosed(Meters.Socket.CONSOLE);
            o.stream().close();
            presence.closed(o.operatorId());
        }
    }
}
