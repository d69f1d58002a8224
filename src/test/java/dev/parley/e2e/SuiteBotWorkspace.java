package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.FlaskBot;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parley with the tutorial suite bot ({@code tutorial_suite_bot.py}, written from the reference document
 * alone) behind a recording proxy, one contact in a session with it, and an admin to read the timeline.
 * Groups {@code support} and {@code 7}; operators {@code ada} (admin) and {@code 5}; no SMTP, no add-ons;
 * the widget reads national phone numbers as German.
 */
record SuiteBotWorkspace(TestParley parley, WebhookRecorder webhook, WebContact contact, String cid)
        implements AutoCloseable {
    static final String BOT = "suitebot";
    static final String API_TOKEN = "suite-api-token";
    private static final JsonHttp HTTP = new JsonHttp();

    static SuiteBotWorkspace start(StoreKind kind, Path dir, FlaskBot bot) {
        WebhookRecorder webhook = WebhookRecorder.proxyTo(bot.webhookUrl());
        TestParley parley = TestParley.start(kind, dir, """
                groups:
                  - { id: support, name: Support }
                  - { id: "7", name: Team Seven }
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                  - { id: "5", name: Five, email: five@example.com, group: "7" }
                bots:
                  - id: %s
                    name: Suite Bot
                    group: support
                    type: api
                    behavior: firewall
                    slots: 100
                    webhook_url: %s
                    webhook_headers: { API-SECURITY-TOKEN: "suite-outbound-token" }
                    api_token_env: SUITE_API_TOKEN
                    request_timeout: 1s
                    webhook_retry: { attempts: 10, first_delay: 200ms }
                widgets:
                  - { id: %s, name: Website, group: support, phone_region: de }
                """.formatted(BOT, webhook.url(), BotWorkspace.WIDGET),
                Map.of("SUITE_API_TOKEN", API_TOKEN, "ADA_PW", "ada-password"));
        WebContact contact = WebContact.open(HTTP, parley.baseUrl(), BotWorkspace.WIDGET);
        contact.awaitBotMessage("Hi! Send me a command.");
        return new SuiteBotWorkspace(parley, webhook, contact, webhook.calls().getFirst().cid());
    }

    StoredState stored() {
        return new StoredState(parley);
    }

    /** Sends {@code packets} ({@code {"name", "payload"}} each) to the bot's API URL as one request. */
    HttpAnswer api(String... packets) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < packets.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"info\":{\"cid\":\"").append(cid).append("\"},\"packet\":")
                    .append(packets[i]).append("}");
        }
        return HTTP.post(parley.baseUrl() + "/api/chatbot/v1/bots/" + BOT + "/events",
                Map.of("SECURITY-TOKEN", API_TOKEN), body.append("]").toString());
    }

    /** The conversation's whole timeline as an admin sees it in the console. */
    List<JsonNode> timeline() {
        String token = HTTP.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                "{\"email\":\"ada@example.com\",\"password\":\"ada-password\"}").json().path("token").asText();
        HttpAnswer conversation = HTTP.get(parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId(),
                Map.of("Authorization", "Bearer " + token));
        assertThat(conversation.status()).as("%s", conversation).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        conversation.json().path("timeline").forEach(items::add);
        return items;
    }

    /** Waits until the delivery log holds a row of this outcome for this event name, and returns the log. */
    List<Map<String, Object>> awaitDelivery(String eventName, String outcome) {
        return await(outcome + " " + eventName + " in the delivery log").atMost(Duration.ofSeconds(20))
                .until(() -> stored().deliveriesOf(cid), log -> log.stream().anyMatch(
                        row -> eventName.equals(row.get("event_name")) && outcome.equals(row.get("outcome"))));
    }

    @Override
    public void close() {
        parley.close();
        webhook.close();
    }
}
