package dev.parley.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Parley with two firewall bots ({@value #BOT} on widget {@value #WIDGET}, {@value #OTHER_BOT} on
 * widget {@value #OTHER_WIDGET}) sharing one recording webhook driven by a {@link WebhookRecorder.Responder}.
 */
final class TwoBotServer implements AutoCloseable {
    static final String BOT = "alpha";
    static final String OTHER_BOT = "beta";
    static final String WIDGET = "website";
    static final String OTHER_WIDGET = "shop";
    static final String TOKEN = "alpha-api-token";

    /** A conversation and the bot session that took it. */
    record Session(WebContact contact, String cid) {}

    private final TestParley parley;
    private final WebhookRecorder webhook;
    private final JsonHttp http = new JsonHttp();

    private TwoBotServer(TestParley parley, WebhookRecorder webhook) {
        this.parley = parley;
        this.webhook = webhook;
    }

    static TwoBotServer start(StoreKind kind, Path dir, WebhookRecorder.Responder responder) {
        WebhookRecorder webhook = WebhookRecorder.start(responder);
        String yaml = """
                groups:
                  - { id: support, name: Support }
                  - { id: sales, name: Sales }
                bots:
                  - { id: %1$s, name: Alpha, group: support, type: api, behavior: firewall, slots: 100,
                      webhook_url: "%3$s", api_token_env: ALPHA_API_TOKEN }
                  - { id: %2$s, name: Beta, group: sales, type: api, behavior: firewall, slots: 100,
                      webhook_url: "%3$s", api_token_env: BETA_API_TOKEN }
                widgets:
                  - { id: %4$s, name: Website, group: support }
                  - { id: %5$s, name: Shop, group: sales }
                """.formatted(BOT, OTHER_BOT, webhook.url(), WIDGET, OTHER_WIDGET);
        try {
            return new TwoBotServer(TestParley.start(kind, dir, yaml,
                    Map.of("ALPHA_API_TOKEN", TOKEN, "BETA_API_TOKEN", "beta-api-token")), webhook);
        } catch (RuntimeException e) {
            webhook.close();
            throw e;
        }
    }

    TestParley parley() {
        return parley;
    }

    WebhookRecorder webhook() {
        return webhook;
    }

    JsonHttp http() {
        return http;
    }

    StoredState stored() {
        return new StoredState(parley);
    }

    /** Opens a conversation on {@code widget} and waits for the bot's {@code start} call to learn the cid. */
    Session open(String widget) {
        WebContact contact = WebContact.open(http, parley.baseUrl(), widget);
        String cid = await("start event").atMost(Duration.ofSeconds(20)).until(() -> webhook.calls().stream()
                .filter(c -> c.info().path("conversation").path("id").asText().equals(contact.conversationId()))
                .map(WebhookRecorder.Call::cid).findFirst(), Optional::isPresent).orElseThrow();
        return new Session(contact, cid);
    }

    String apiUrl(String bot) {
        return parley.baseUrl() + "/api/chatbot/v1/bots/" + bot + "/events";
    }

    String aliasUrl(String bot) {
        return parley.baseUrl() + "/api/chatbot/bots/" + bot + "/events";
    }

    /** POSTs {@code body} to bot {@value #BOT}'s API URL with its token. */
    HttpAnswer send(String body) {
        return http.post(apiUrl(BOT), Map.of("SECURITY-TOKEN", TOKEN), body);
    }

    HttpAnswer send(JsonNode body) {
        return send(Json.write(body));
    }

    @Override
    public void close() {
        try (webhook) {
            parley.close();
        }
    }
}
