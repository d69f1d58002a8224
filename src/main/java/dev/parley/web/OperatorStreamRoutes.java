package dev.parley.web;

import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.metrics.Meters;
import dev.parley.operator.OperatorAuth;
import dev.parley.operator.OperatorStream;
import dev.parley.operator.OperatorStreams;
import dev.parley.routing.Operator;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/stream}: the console's WebSocket ({@link OperatorStream}). The operator token
 * comes as {@code ?token=} (browsers cannot set headers on WebSockets) or {@code Authorization: Bearer}.
 */
final class OperatorStreamRoutes {
    private final OperatorAuth auth;
    private final OperatorStreams streams;
    private final ConcurrentHashMap<String, OperatorStream> open = new ConcurrentHashMap<>();

    OperatorStreamRoutes(OperatorAuth auth, OperatorStreams streams) {
        this.auth = auth;
        this.streams = streams;
    }

    void register(RoutesConfig r) {
        r.ws(OperatorRoutes.BASE + "/stream", ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(ctx -> {
                OperatorStream s = open.get(ctx.sessionId());
                if (s != null) {
                    s.command(ctx.message());
                }
            });
            ws.onClose(ctx -> close(ctx.sessionId()));
            ws.onError(ctx -> close(ctx.sessionId()));
        });
    }

    private void connect(WsContext ctx) {
        Operator me;
        try {
            String header = ctx.header("Authorization");
            String token = header != null ? ContactRoutes.bearer(header) : ctx.queryParam("token");
            if (token == null || token.isBlank()) {
                throw ClientError.unauthorized("send the operator token as ?token= or Authorization: Bearer");
            }
            me = auth.authenticate(token);
        } catch (ClientError e) {
            ctx.send(Json.write(Json.object().put("type", "error").put("code", e.code()).put("message", e.getMessage())));
            ctx.closeSession(4401, e.getMessage());
            return;
        }
        ctx.enableAutomaticPings();
        open.put(ctx.sessionId(), streams.open(me, frame -> ctx.send(frame)));
        Meters.socketOpened(Meters.Socket.CONSOLE);
    }

    private void close(String sessionId) {
        OperatorStream s = open.remove(sessionId);
        if (s != null) {
            Meters.socketClosed(Meters.Socket.CONSOLE);
            s.close();
        }
    }
}
