package dev.parley.web;

import dev.parley.channel.WebhookReply;
import dev.parley.channel.InboundPipeline;
import dev.parley.channel.InboundRequest;
import dev.parley.channel.ServedChannel;
import dev.parley.channel.meta.HubChallenge;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messaging channels' webhooks: {@code GET /channels/{id}/webhook} answers the vendor's set-up handshake,
 * {@code POST /channels/{id}/webhook} takes its calls through the {@link InboundPipeline}; {@code 200} only
 * once what came is stored, with the body the vendor expects (its adapter's acknowledgement) or
 * {@code {"stored": n}}.
 */
final class ChannelWebhookRoutes {
    private static final Logger log = LoggerFactory.getLogger(ChannelWebhookRoutes.class);
    private static final String PATH = "/channels/{id}/webhook";

    private final InboundPipeline inbound;

    ChannelWebhookRoutes(InboundPipeline inbound) {
        this.inbound = inbound;
    }

    void register(RoutesConfig r) {
        r.get(PATH, this::handshake);
        r.post(PATH, this::receive);
    }

    private void handshake(Context ctx) {
        ServedChannel channel = inbound.channel(ctx.pathParam("id"));
        HubChallenge challenge = channel.handshake().orElseThrow(() -> ClientError.notFound("webhook handshake of"
                + " channel", channel.id()));
        Map<String, String> query = new HashMap<>();
        for (String name : List.of("hub.mode", "hub.verify_token", "hub.challenge")) {
            Optional.ofNullable(ctx.queryParam(name)).ifPresent(v -> query.put(name, v));
        }
        switch (challenge.answer(query)) {
            case HubChallenge.Answer.Challenge c -> ctx.status(200).contentType("text/plain").result(c.challenge());
            case HubChallenge.Answer.Refused refused -> {
                log.warn("channel {}: webhook handshake refused: {}", channel.id(), refused.reason());
                throw new ClientError(ClientError.Kind.FORBIDDEN, "handshake_refused",
                        "hub.mode must be subscribe and hub.verify_token the channel's verify token", Optional.empty(),
                        Optional.empty());
            }
        }
    }

    private void receive(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        Optional<WebhookReply> reply = inbound.channel(ctx.pathParam("id")).adapter().webhookReply();
        int stored = inbound.receive(ctx.pathParam("id"), new InboundRequest(ctx.bodyAsBytes(), headers,
                ctx.queryString()));
        reply.ifPresentOrElse(a -> ctx.status(200).contentType(a.contentType()).result(a.body()),
                () -> ctx.status(200).json(Json.object().put("stored", stored)));
    }
}
