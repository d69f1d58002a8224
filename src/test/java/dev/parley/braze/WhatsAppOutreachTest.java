package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.channel.standin.WhatsAppStandIn;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Braze outreach to WhatsApp: the approved template goes to the Cloud API stand-in, the contact's reply starts the
 * named flow in the same conversation, and an unsubscribed contact is refused and counted.
 */
class WhatsAppOutreachTest {
    private static final String WA_TOKEN = "wa-access-token";
    private static final String WA_SECRET = "wa-app-secret";
    private static final String WA_ID = "4915112345678";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;
    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theTemplateGoesOutAndTheReplyStartsTheFlow(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(OutreachTest.KEY);
                WhatsAppStandIn whatsApp = WhatsAppStandIn.start(MetaWebhooks.PHONE_NUMBER_ID, WA_TOKEN);
                TestParley parley = start(kind, braze, whatsApp)) {
            HttpAnswer opened = outreach(parley, body("wa-1"));
            assertThat(opened.status()).as("%s", opened).isEqualTo(202);
            String conversationId = opened.json().path("conversation_id").asText();
            await().atMost(WAIT).until(() -> whatsApp.messages().size() == 1);
            JsonNode sent = whatsApp.messages().getFirst();
            assertThat(sent.path("to").asText()).isEqualTo(WA_ID);
            assertThat(sent.path("type").asText()).isEqualTo("template");
            assertThat(sent.path("template").path("name").asText()).isEqualTo("winback_offer");
            assertThat(sent.path("template").path("language").path("code").asText()).isEqualTo("en");
            assertThat(sent.path("template").path("components").path(0).path("type").asText()).isEqualTo("body");
            assertThat(sent.path("template").path("components").path(0).path("parameters").path(0).path("text")
                    .asText()).isEqualTo("Ada");
            assertThat(status(parley, conversationId)).isEqualTo("inbox");

            HttpAnswer again = outreach(parley, body("wa-1"));
            assertThat(again.json().path("duplicate").asBoolean()).isTrue();
            assertThat(again.json().path("conversation_id").asText()).isEqualTo(conversationId);

            assertThat(webhook(parley, text("wamid.r1", "yes please")).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> texts(whatsApp).contains("mode=proactive name=Ada"));
            assertThat(count(parley, "conversations")).isEqualTo(1);
            assertThat(count(parley, "outreach_replies")).isZero();
            List<String> onChannel = parley.parley().database().read(h -> h.createQuery(
                    "SELECT conversation_id FROM channel_conversations").mapTo(String.class).list());
            assertThat(onChannel).containsExactly(conversationId);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUnsubscribedContactIsRefusedAndCountedAndBadInputNamesTheField(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(OutreachTest.KEY);
                WhatsAppStandIn whatsApp = WhatsAppStandIn.start(MetaWebhooks.PHONE_NUMBER_ID, WA_TOKEN);
                TestParley parley = start(kind, braze, whatsApp)) {
            expect(outreach(parley, with(body("bad"), b -> b.with("template").remove("name"))), 400,
                    "template.name");
            expect(outreach(parley, with(body("bad"), b -> b.with("template").put("language", "english!"))), 400,
                    "template.language");
            expect(outreach(parley, with(body("bad"), b -> b.with("template").putArray("parameters").add(3))), 400,
                    "template.parameters[0]");
            expect(outreach(parley, with(body("bad"), b -> b.remove("template"))), 400, "template");
            expect(outreach(parley, with(body("bad"), b -> b.put("message", "hi"))), 400, "message");
            expect(outreach(parley, with(body("bad"), b -> b.set("user", Json.object().put("email", "z@example.com")))),
                    422, "user.phone");
            expect(outreach(parley, with(body("bad"), b -> b.put("channel", "nope"))), 404, "channel");
            assertThat(count(parley, "conversations")).isZero();
            assertThat(whatsApp.messages()).isEmpty();

            assertThat(webhook(parley, text("wamid.s1", "STOP")).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> whatsApp.messages().size() == 1);
            double before = refused();
            HttpAnswer refused = outreach(parley, body("wa-2"));
            expect(refused, 422, "user");
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("user_unsubscribed");
            assertThat(refused() - before).isEqualTo(1.0);
            assertThat(count(parley, "conversations")).isZero();
            assertThat(count(parley, "outreaches")).isZero();
            assertThat(whatsApp.messages()).hasSize(1);
        }
    }

    private static double refused() {
        return Optional.ofNullable(Metrics.globalRegistry.find("parley.outreach.refused")
                .tags("channel", "wa", "reason", "unsubscribed").counter()).map(Counter::count).orElse(0.0);
    }

    private TestParley start(StoreKind kind, BrazeStandIn braze, WhatsAppStandIn whatsApp) throws Exception {
        Path probe = temp.resolve("probe.yml");
        Files.writeString(probe, """
                id: probe
                start: hello
                variables: [first_name]
                nodes:
                  hello: { say: "mode={{conversation.approach_mode}} name={{first_name}}", end: true }
                """);
        return TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }]
                environments:
                  sandbox: { braze: { url: "%s", api_key_env: BRAZE_KEY, outreach_token_env: OUTREACH_TOKEN } }
                bots:
                  - { id: probebot, name: Probe Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets:
                  - { id: web, name: Web, group: support }
                channels:
                  - { id: wa, type: whatsapp, widget: web, phone_number_id: "%s", api_base_url: "%s",
                      access_token_env: WA_TOKEN, app_secret_env: WA_SECRET, verify_token_env: WA_VERIFY }
                """.formatted(braze.url(), probe, MetaWebhooks.PHONE_NUMBER_ID, whatsApp.graph().baseUrl()),
                Map.of("BRAZE_KEY", OutreachTest.KEY, "OUTREACH_TOKEN", OutreachTest.TOKEN, "WA_TOKEN", WA_TOKEN,
                        "WA_SECRET", WA_SECRET, "WA_VERIFY", "wa-verify"));
    }

    private static ObjectNode body(String outreachId) {
        ObjectNode b = Json.object();
        b.put("outreach_id", outreachId);
        b.putObject("user").put("phone", "+" + WA_ID);
        b.put("channel", "wa");
        b.put("flow", "probe");
        b.putObject("template").put("name", "winback_offer").put("language", "en").putArray("parameters").add("Ada");
        b.putObject("variables").put("first_name", "Ada");
        return b;
    }

    private static ObjectNode with(ObjectNode base, Consumer<ObjectNode> change) {
        ObjectNode copy = base.deepCopy();
        change.accept(copy);
        return copy;
    }

    private HttpAnswer outreach(TestParley parley, ObjectNode body) {
        return http.post(parley.baseUrl() + "/api/integrations/braze/v1/outreach",
                Map.of("Authorization", "Bearer " + OutreachTest.TOKEN), Json.write(body));
    }

    private HttpAnswer webhook(TestParley parley, ObjectNode payload) {
        MetaWebhooks.Signed signed = MetaWebhooks.sign(WA_SECRET, payload);
        return http.post(parley.baseUrl() + "/channels/wa/webhook",
                Map.of("X-Hub-Signature-256", signed.signature(), "Content-Type", "application/json"),
                new String(signed.body(), StandardCharsets.UTF_8));
    }

    private static ObjectNode text(String wamid, String body) {
        return MetaWebhooks.whatsAppMessage(WA_ID, "Zoe", MetaWebhooks.whatsAppMessageOf(wamid, "text",
                Json.object().put("body", body)));
    }

    private static void expect(HttpAnswer answer, int status, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.json().path("error").path("message").asText()).as("%s", answer).contains(field);
    }

    private static List<String> texts(WhatsAppStandIn whatsApp) {
        return whatsApp.messages().stream().filter(m -> m.path("type").asText().equals("text"))
                .map(m -> m.path("text").path("body").asText()).toList();
    }

    private static String status(TestParley parley, String conversationId) {
        return parley.parley().database().read(h -> h.createQuery("SELECT status FROM conversations WHERE id = :id")
                .bind("id", conversationId).mapTo(String.class).one());
    }

    private static int count(TestParley parley, String table) {
        return parley.count(table);
    }
}
