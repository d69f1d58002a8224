package dev.parley.addon;

import static org.awaitility.Awaitility.await;

import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A running Parley with an API bot (a recording webhook), a {@code crm} webhook add-on on loopback and,
 * when given, an SMTP server; one contact has opened a conversation and the bot holds session {@code cid}.
 */
record DispatchWorkspace(TestParley parley, WebhookRecorder bot, WebhookRecorder crm, WebContact contact, String cid)
        implements AutoCloseable {
    static final String CRM_TOKEN = "crm-t0ken";
    static final String CRM_SECRET = "crm-s3cret";
    static final Map<String, String> ENV = Map.of("TOKEN", "bee-token", "PW", "ada-pw", "CRM_TOKEN", CRM_TOKEN,
            "CRM_SIGNING", CRM_SECRET, "SMTP_USER", "mailer", "SMTP_PASSWORD", "mail-pw");

    static final JsonHttp HTTP = new JsonHttp();

    /** The workspace; {@code extra} is YAML appended to it (an {@code smtp} key, say). */
    static String yaml(String botUrl, String crmUrl, String widgetExtra, String extra) {
        return """
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s",
                      api_token_env: TOKEN }
                widgets: [{ id: web, name: Web Shop, group: support%s }]
                addons:
                  - { name: crm, type: webhook, url: "%s", headers: { Authorization: "Bearer ${CRM_TOKEN}" },
                      signing_secret_env: CRM_SIGNING }
                  - { name: archive, type: webhook, url: "%s" }
                %s""".formatted(botUrl, widgetExtra, crmUrl, crmUrl + "/archive", extra);
    }

    static DispatchWorkspace start(StoreKind kind, Path temp, WebhookRecorder.Responder crmAnswers, String widgetExtra,
            String extra) {
        WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
        WebhookRecorder crm = WebhookRecorder.start(crmAnswers);
        TestParley parley = TestParley.start(kind, temp, yaml(bot.url(), crm.url(), widgetExtra, extra), ENV);
        WebContact contact = WebContact.open(HTTP, parley.baseUrl(), "web");
        await().atMost(Duration.ofSeconds(10)).until(() -> !bot.calls().isEmpty());
        return new DispatchWorkspace(parley, bot, crm, contact, bot.calls().getFirst().cid());
    }

    static DispatchWorkspace start(StoreKind kind, Path temp, String extra) {
        return start(kind, temp, (h, body) -> WebhookRecorder.Reply.empty(), "", extra);
    }

    /** Sends {@code packets} (each {@code {"name", "payload"}}) to the API URL as one request. */
    HttpAnswer send(String... packets) {
        return sendAt(parley.baseUrl(), cid, packets);
    }

    static HttpAnswer sendAt(String baseUrl, String cid, String... packets) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < packets.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"info\":{\"cid\":\"").append(cid).append("\"},\"packet\":")
                    .append(packets[i]).append("}");
        }
        return HTTP.post(baseUrl + "/api/chatbot/v1/bots/b/events", Map.of("SECURITY-TOKEN", "bee-token"),
                body.append("]").toString());
    }

    static String event(String name, String payload) {
        return "{\"name\":\"" + name + "\",\"payload\":" + payload + "}";
    }

    /** Status and last error of every dispatch of the conversation, oldest first. */
    List<Map<String, Object>> dispatches() {
        return parley.parley().database().read(h -> h.createQuery(
                        "SELECT kind, status, attempts, last_error FROM dispatches WHERE conversation_id = :c ORDER BY created_at, id")
                .bind("c", contact.conversationId()).mapToMap().list());
    }

    /** Logs in as the admin operator and answers the bearer header. */
    Map<String, String> operator() {
        String token = HTTP.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                "{\"email\":\"ada@example.com\",\"password\":\"ada-pw\"}").json().path("token").asText();
        return Map.of("Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        parley.close();
        bot.close();
        crm.close();
    }
}
