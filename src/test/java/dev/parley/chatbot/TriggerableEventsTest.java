package dev.parley.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TriggerableEventsTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    record Session(TestParley parley, WebhookRecorder bot, WebContact contact, String cid) implements AutoCloseable {
        @Override
        public void close() {
            parley.close();
            bot.close();
        }
    }

    Session open(StoreKind kind) {
        WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
        TestParley parley = TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s",
                      api_token_env: TOKEN }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(bot.url()), Map.of("TOKEN", "bee-token", "PW", "ada-pw"));
        WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
        await().atMost(Duration.ofSeconds(5)).until(() -> !bot.calls().isEmpty());
        return new Session(parley, bot, contact, bot.calls().getFirst().cid());
    }

    HttpAnswer send(Session s, String... packets) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < packets.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"info\":{\"cid\":\"").append(s.cid()).append("\"},\"packet\":")
                    .append(packets[i]).append("}");
        }
        return http.post(s.parley().baseUrl() + "/api/chatbot/v1/bots/b/events",
                Map.of("SECURITY-TOKEN", "bee-token"), body.append("]").toString());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyDisplayEventReachesTheContactAsSent(StoreKind kind) {
        try (Session s = open(kind)) {
            HttpAnswer ok = send(s,
                    "{\"name\":\"carousel\",\"payload\":{\"fallback\":\"Pick\",\"options\":[{\"id\":\"1\",\"label\":\"Red\",\"image_url\":\"https://img.example/r.png\"}]}}",
                    "{\"name\":\"list_template\",\"payload\":{\"body\":\"Pick\",\"button\":\"Open\",\"fallback\":\"Pick\",\"options\":[{\"id\":\"a\",\"label\":\"A\",\"description\":\"first\"}]}}",
                    "{\"name\":\"buttons\",\"payload\":{\"body\":\"Links\",\"buttons\":[{\"label\":\"Docs\",\"url\":\"https://example.com/docs\"}]}}",
                    "{\"name\":\"navigate\",\"payload\":{\"url\":\"https://example.com/checkout\"}}");
            assertThat(ok.status()).as("%s", ok).isEqualTo(200);
            assertThat(ok.json().path("applied").asInt()).isEqualTo(4);
            assertThat(ok.header("Deprecation")).isEmpty();
            List<String> names = s.contact().transcript().stream()
                    .map(i -> i.path("packet").path("name").asText()).toList();
            assertThat(names).containsSubsequence("carousel", "list_template", "buttons", "navigate");
            HttpAnswer old = send(s, "{\"name\":\"button\",\"payload\":{\"label\":\"Go\",\"url\":\"https://example.com\"}}");
            assertThat(old.status()).isEqualTo(200);
            assertThat(old.header("Deprecation")).contains("true");
            HttpAnswer script = send(s, "{\"name\":\"navigate\",\"payload\":{\"url\":\"javascript:alert(1)\"}}");
            assertThat(script.status()).isEqualTo(400);
            assertThat(script.json().path("error").path("path").asText()).isEqualTo("[0].packet.payload.url");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void markdownMessagesComeWithSanitizedHtml(StoreKind kind) {
        try (Session s = open(kind)) {
            assertThat(send(s, "{\"name\":\"message\",\"payload\":{\"body\":\"**Hi** <script>alert(1)</script>"
                    + " [x](javascript:alert(1))\",\"text_format\":\"markdown_v1\"}}").status()).isEqualTo(200);
            JsonNode item = s.contact().awaitItem("markdown", Items.fromBot("message"));
            String html = item.path("html").asText();
            assertThat(html).contains("<strong>Hi</strong>").doesNotContain("<script", "href=\"javascript");
            assertThat(item.path("packet").path("payload").path("body").asText()).startsWith("**Hi**");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDelayHoldsBackOnlyTheLaterEventsWhileTheContactCanWrite(StoreKind kind) {
        try (Session s = open(kind)) {
            long t0 = System.nanoTime();
            HttpAnswer ok = send(s, "{\"name\":\"message\",\"payload\":{\"body\":\"first\"}}",
                    "{\"name\":\"delay\",\"payload\":{\"seconds\":1.5}}",
                    "{\"name\":\"message\",\"payload\":{\"body\":\"second\"}}");
            assertThat(ok.json().path("applied").asInt()).isEqualTo(3);
            s.contact().awaitBotMessage("first");
            s.contact().say("meanwhile");
            assertThat(s.contact().transcript()).noneMatch(Items.body("second"));
            s.contact().awaitBotMessage("second");
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(1400);
            await().atMost(Duration.ofSeconds(5)).until(() -> s.bot().calls().stream()
                    .anyMatch(c -> c.packetName().equals("message") && c.payload().path("body").asText().equals("meanwhile")));
            List<String> bodies = s.contact().transcript().stream().map(Items::bodyOf).toList();
            assertThat(bodies).containsSubsequence("first", "meanwhile", "second");
            assertThat(send(s, "{\"name\":\"delay\",\"payload\":{\"seconds\":31}}").status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void notesAndConversationUpdatesAreSeenByOperatorsAndAbortHandsOver(StoreKind kind) {
        try (Session s = open(kind)) {
            assertThat(send(s,
                    "{\"name\":\"note_create\",\"payload\":{\"body\":\"asked about refunds\"}}",
                    "{\"name\":\"note_create\",\"payload\":{\"body\":\"regular\",\"contact_identity_id\":\""
                            + s.bot().calls().getFirst().info().path("contact").path("id").asText() + "\"}}",
                    "{\"name\":\"conversation_update\",\"payload\":{\"subject\":\"Refund\",\"topics\":[\"billing\"],\"custom_fields\":{\"order\":\"123\"}}}",
                    "{\"name\":\"abort\",\"payload\":{}}").status()).isEqualTo(200);
            s.contact().awaitItem("handover", Items.packet("conversation_forwarded"));
            assertThat(send(s, "{\"name\":\"message\",\"payload\":{\"body\":\"late\"}}").status()).isEqualTo(409);
            String token = http.post(s.parley().baseUrl() + "/api/v1/auth/login", Map.of(),
                    "{\"email\":\"ada@example.com\",\"password\":\"ada-pw\"}").json().path("token").asText();
            JsonNode detail = http.get(s.parley().baseUrl() + "/api/v1/conversations/" + s.contact().conversationId(),
                    Map.of("Authorization", "Bearer " + token)).json();
            assertThat(detail.path("status").asText()).isEqualTo("inbox");
            assertThat(detail.path("subject").asText()).isEqualTo("Refund");
            assertThat(detail.path("topics").get(0).asText()).isEqualTo("billing");
            assertThat(detail.path("custom_fields").path("order").asText()).isEqualTo("123");
            Map<String, String> aboutByBody = new java.util.HashMap<>();
            detail.path("notes").forEach(n -> aboutByBody.put(n.path("body").asText(), n.path("about").asText()));
            assertThat(aboutByBody).containsExactlyInAnyOrderEntriesOf(
                    Map.of("asked about refunds", "conversation", "regular", "contact"));
            assertThat(Json.write(s.contact().transcript())).doesNotContain("asked about refunds");
        }
    }
}
