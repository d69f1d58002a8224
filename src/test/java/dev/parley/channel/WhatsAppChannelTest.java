package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebhookRecorder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WhatsApp end to end: signed webhooks in, a real bot, the Cloud API stand-in out. */
class WhatsAppChannelTest {
    private static final String WA_ID = "16505551234";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theFirstMessageRidesInStartAndTheAnswerArrivesOnWhatsApp(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            assertThat(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.in1", "hello")).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> rig.whatsAppTexts().contains("echo: hello"));
            WebhookRecorder.Call start = rig.bot.calls().getFirst();
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.payload().path("body").asText()).isEqualTo("hello");
            assertThat(start.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("whatsapp_business");
            assertThat(start.info().path("contact").path("name").asText()).isEqualTo("Zoe");
            assertThat(start.info().path("contact").path("mobile_number").asText()).isEqualTo("+" + WA_ID);
            JsonNode sent = rig.whatsApp.messages().getFirst();
            assertThat(sent.path("to").asText()).isEqualTo(WA_ID);

            HttpAnswer again = rig.whatsApp(ChannelRig.text(WA_ID, "wamid.in1", "hello"));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("stored").asInt()).isZero();
            assertThat(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.in2", "more")).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> rig.whatsAppTexts().contains("echo: more"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "message");
            assertThat(rig.bot.calls().get(1).cid()).isEqualTo(start.cid());
            assertThat(rig.stored("message")).extracting(m -> m.path("body").asText())
                    .containsExactly("hello", "echo: hello", "more", "echo: more");
            assertThat(rig.count("conversations")).isEqualTo(1);

            String wamid = rig.parley.parley().database().read(h -> h.createQuery(
                    "SELECT vendor_message_id FROM channel_outbound ORDER BY sent_at LIMIT 1").mapTo(String.class).one());
            ObjectNode status = Json.object().put("id", wamid).put("status", "read").put("timestamp", "1739321030")
                    .put("recipient_id", WA_ID);
            assertThat(rig.whatsApp(MetaWebhooks.whatsAppStatus(status)).status()).isEqualTo(200);
            String read = rig.parley.parley().database().read(h -> h.createQuery(
                    "SELECT status FROM channel_outbound WHERE vendor_message_id = :id").bind("id", wamid)
                    .mapTo(String.class).one());
            assertThat(read).isEqualTo("read");

            ObjectNode failed = Json.object().put("id", wamid).put("status", "failed").put("timestamp", "1739321040")
                    .put("recipient_id", WA_ID);
            failed.putArray("errors").addObject().put("code", 131047).put("title", "Re-engagement message")
                    .putObject("error_data").put("details", "Message failed to send because more than 24 hours have"
                            + " passed since the customer last replied to this number.");
            accepted(rig.whatsApp(MetaWebhooks.whatsAppStatus(failed)));
            JsonNode error = rig.stored("channel_error").getFirst();
            assertThat(error.path("code").asText()).isEqualTo("131047");
            assertThat(error.path("reason").asText()).contains("Re-engagement message", "24 hours");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void choicesRenderByTheirSizeAndOnlyTheFirstClickIsAClick(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.c1", "choices 3")));
            await().atMost(WAIT).until(() -> rig.whatsApp.messages().size() == 1);
            JsonNode buttons = rig.whatsApp.messages().getFirst().path("interactive");
            assertThat(buttons.path("type").asText()).isEqualTo("button");
            assertThat(buttons.path("action").path("buttons").findValuesAsText("title"))
                    .containsExactly("Option 1", "Option 2", "Option 3");
            String token = buttons.path("action").path("buttons").get(1).path("reply").path("id").asText();
            assertThat(token).isNotEqualTo("opt-2").hasSizeLessThanOrEqualTo(64);

            accepted(rig.whatsApp(ChannelRig.buttonReply(WA_ID, "wamid.c2", token, "Option 2")));
            await().atMost(WAIT).untilAsserted(() -> assertThat(rig.whatsAppTexts()).contains("clicked opt-2"));
            accepted(rig.whatsApp(ChannelRig.buttonReply(WA_ID, "wamid.c3", token, "Option 2")));
            await().atMost(WAIT).until(() -> rig.whatsAppTexts().contains("echo: Option 2"));

            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.c4", "choices 7")));
            await().atMost(WAIT).until(() -> rig.whatsApp.messages().size() == 4);
            JsonNode list = rig.whatsApp.messages().get(3).path("interactive");
            assertThat(list.path("type").asText()).isEqualTo("list");
            assertThat(list.path("action").path("sections").get(0).path("rows")).hasSize(7);

            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.c5", "choices 14")));
            await().atMost(WAIT).until(() -> rig.whatsApp.messages().size() == 5);
            String numbered = rig.whatsApp.messages().get(4).path("text").path("body").asText();
            assertThat(numbered).startsWith("Answer with a number:\n1. Option 1\n2. Option 2").contains("14. Option 14");
            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.c6", "12")));
            await().atMost(WAIT).until(() -> rig.whatsAppTexts().contains("clicked opt-12"));
            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.c7", "3")));
            await().atMost(WAIT).until(() -> rig.whatsAppTexts().contains("echo: 3"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "click", "message", "message", "message", "click", "message");
            assertThat(rig.bot.calls().get(1).payload().path("value").path("label").asText()).isEqualTo("Option 2");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLocationAndAnImageBothWays(StoreKind kind) throws IOException, InterruptedException {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            byte[] jpeg = jpeg();
            rig.whatsApp.addMedia("1234567890", jpeg);
            ObjectNode image = Json.object().put("id", "1234567890").put("mime_type", "image/jpeg")
                    .put("sha256", java.util.HexFormat.of().formatHex(sha256(jpeg))).put("caption", "my cat");
            assertThat(rig.whatsApp(MetaWebhooks.whatsAppMessage(WA_ID, "Zoe",
                    MetaWebhooks.whatsAppMessageOf("wamid.m1", "image", image))).status()).isEqualTo(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(rig.whatsAppTexts()).contains("got image/jpeg"));
            JsonNode start = rig.bot.calls().getFirst().payload();
            assertThat(start.path("url").asText()).startsWith("http").contains("/media/");
            assertThat(start.path("caption").asText()).isEqualTo("my cat");
            assertThat(start.path("size").asLong()).isEqualTo(jpeg.length);
            assertThat(start.path("url").asText()).startsWith(rig.parley.baseUrl() + "/media/");

            await().atMost(WAIT).until(() -> rig.whatsApp.messages().stream().anyMatch(m -> m.has("image")));
            JsonNode back = rig.whatsApp.messages().stream().filter(m -> m.has("image")).findFirst().orElseThrow();
            assertThat(back.path("type").asText()).isEqualTo("image");
            assertThat(back.path("to").asText()).isEqualTo(WA_ID);
            assertThat(back.path("image").path("caption").asText()).isEqualTo("your picture");
            String link = back.path("image").path("link").asText();
            assertThat(link).isEqualTo(start.path("url").asText());
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(jpeg);

            ObjectNode location = Json.object().put("latitude", 52.52).put("longitude", 13.405).put("name", "Mitte");
            accepted(rig.whatsApp(MetaWebhooks.whatsAppMessage(WA_ID, "Zoe",
                    MetaWebhooks.whatsAppMessageOf("wamid.m2", "location", location))));
            await().atMost(WAIT).until(() -> rig.whatsAppTexts().contains("at 52.52,13.405"));
            assertThat(rig.bot.calls().get(1).payload().path("name").asText()).isEqualTo("Mitte");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorsReplyFromTheConsoleReachesWhatsApp(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            Map<String, String> ada = OperatorLogin.as(rig.http, rig.parley.baseUrl(), "ada@example.com", "pw");
            rig.http.put(rig.parley.baseUrl() + "/api/v1/operators/me/status", ada, "{\"status\":\"online\"}");
            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.o1", "human")));
            await().atMost(WAIT).until(() -> rig.stored("conversation_forwarded").size() == 1);
            String id = rig.bot.calls().getFirst().info().path("conversation").path("id").asText();
            HttpAnswer reply = rig.http.post(rig.parley.baseUrl() + "/api/v1/conversations/" + id + "/messages", ada,
                    "{\"body\":\"Hi, Ada here.\"}");
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            await().atMost(WAIT).until(() -> rig.whatsAppTexts().contains("Hi, Ada here."));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBadSignatureIsRefusedAndNothingIsStored(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            assertThat(rig.post("wa", "not-the-secret", ChannelRig.text(WA_ID, "wamid.x", "hi")).status())
                    .isEqualTo(401);
            assertThat(rig.http.post(rig.parley.baseUrl() + "/channels/wa/webhook", Map.of(),
                    Json.write(ChannelRig.text(WA_ID, "wamid.x", "hi"))).status()).isEqualTo(401);
            assertThat(rig.post("nope", ChannelRig.WA_SECRET, ChannelRig.text(WA_ID, "wamid.x", "hi")).status())
                    .isEqualTo(404);
            HttpAnswer bad = rig.post("wa", ChannelRig.WA_SECRET, Json.object().put("object", "page"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("error").path("message").asText()).contains("object");
            assertThat(rig.count("conversations")).isZero();
            assertThat(rig.count("channel_inbound")).isZero();
            assertThat(rig.bot.calls()).isEmpty();

            String url = rig.parley.baseUrl() + "/channels/wa/webhook?hub.mode=subscribe&hub.challenge=1158201444";
            HttpAnswer handshake = rig.http.get(url + "&hub.verify_token=wa-verify", Map.of());
            assertThat(handshake.status()).isEqualTo(200);
            assertThat(handshake.body()).isEqualTo("1158201444");
            assertThat(rig.http.get(url + "&hub.verify_token=wrong", Map.of()).status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPermanentVendorErrorIsOnTheTimeline(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            rig.whatsApp.graph().failWith(400, 131026, "Message undeliverable");
            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.p1", "hello")));
            await().atMost(WAIT).until(() -> rig.stored("channel_error").size() == 1);
            JsonNode error = rig.stored("channel_error").getFirst();
            assertThat(error.path("code").asText()).isEqualTo("131026");
            assertThat(error.path("reason").asText()).contains("Message undeliverable");
            assertThat(error.path("channel_id").asText()).isEqualTo("wa");
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.whatsApp.messages()).hasSize(1);
        }
    }

    /**
     * Meta answers 503 for 30 s, told by Parley's clock ({@link VendorOutage}). The outbox retries after about 1, 3,
     * 9 and 27 s (± 20 %, {@code ChannelSender.POLICY}), so the first message is tried five times, the fifth 32 to
     * 48 s after the first and the only one after the outage; then the other two follow in order.
     */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whenTheVendorIsDownFor30SecondsEveryMessageArrivesOnceInOrderAfterwards(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            Instant down = rig.clock.instant();
            rig.whatsApp.graph().failFor(VendorOutage.OUTAGE, rig.clock);
            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.d1", "three")));
            VendorOutage.ride(rig.clock, rig.parley, () -> rig.count("channel_outbound") == 3);

            assertThat(Duration.between(down, rig.clock.instant())).isGreaterThanOrEqualTo(VendorOutage.OUTAGE);
            List<String> delivered = rig.whatsApp.graph().delivered().stream()
                    .map(t -> t.body().path("text").path("body").asText()).toList();
            assertThat(delivered).containsExactly("one", "two", "three");
            assertThat(rig.whatsAppTexts()).as("only the first message is tried while Meta is down, four times")
                    .containsExactly("one", "one", "one", "one", "one", "two", "three");
            assertThat(rig.stored("channel_error")).isEmpty();
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.whatsApp.graph().delivered()).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void erasingTheContactRemovesItsNumberFromTheChannelTables(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.e1", "hello")));
            await().atMost(WAIT).until(() -> rig.count("channel_outbound") == 1);
            JsonNode info = rig.bot.calls().getFirst().info();
            String api = rig.parley.baseUrl() + "/api/v1";
            Map<String, String> ada = OperatorLogin.as(rig.http, rig.parley.baseUrl(), "ada@example.com", "pw");
            String conversation = info.path("conversation").path("id").asText();
            assertThat(rig.http.post(api + "/conversations/" + conversation + "/end", ada, "").status()).isEqualTo(200);
            await().atMost(WAIT).until(rig.parley::drained);
            HttpAnswer erased = rig.http.post(api + "/contacts/" + info.path("contact").path("id").asText() + "/erase",
                    ada, "");
            assertThat(erased.status()).as("%s", erased).isEqualTo(200);
            for (String table : List.of("channel_contacts", "channel_conversations", "channel_inbound",
                    "channel_outbound")) {
                assertThat(rig.count(table)).as(table).isZero();
            }

            accepted(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.e2", "back again")));
            await().atMost(WAIT).until(() -> rig.whatsAppTexts().contains("echo: back again"));
            assertThat(rig.bot.calls().getLast().info().path("contact").path("id").asText())
                    .isNotEqualTo(info.path("contact").path("id").asText());
        }
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
