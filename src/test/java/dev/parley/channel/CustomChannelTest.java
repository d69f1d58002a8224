package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.CustomStandIn;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebhookRecorder;
import dev.parley.webhook.WebhookSigner;
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

/** The custom channel end to end: signed calls of an integration in, a real bot and a flow, the receiver out. */
class CustomChannelTest {
    private static final String USER = "u-42";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aContactChatsWithAnApiBotAndEveryMessageIsStoredOnce(StoreKind kind) {
        try (CustomRig rig = new CustomRig(kind, temp)) {
            accepted(rig.post("cu", CustomRig.text("m-1", USER, "hello")));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("echo: hello"));
            WebhookRecorder.Call start = rig.bot.calls().getFirst();
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.payload().path("body").asText()).isEqualTo("hello");
            assertThat(start.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("custom");
            assertThat(start.info().path("contact").path("name").asText()).isEqualTo("Zoe");
            CustomStandIn.Taken sent = rig.integration.delivered().getFirst();
            assertThat(sent.body().path("channel_id").asText()).isEqualTo("cu");
            assertThat(sent.body().path("user").path("id").asText()).isEqualTo(USER);
            assertThat(sent.packetName()).isEqualTo("message");
            assertThat(sent.payload()).isEqualTo(Json.object().put("body", "echo: hello"));
            assertThat(sent.headers().get("parley-signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
            assertThat(sent.idempotencyKey()).isNotBlank();

            HttpAnswer again = rig.post("cu", CustomRig.text("m-1", USER, "hello"));
            accepted(again);
            assertThat(again.json().path("stored").asInt()).isZero();
            accepted(rig.post("cu", CustomRig.text("m-2", USER, "md")));
            await().atMost(WAIT).until(() -> rig.integration.delivered().size() == 2);
            JsonNode markdown = rig.integration.delivered().get(1).payload();
            assertThat(markdown.path("body").asText()).isEqualTo("**bold** and _italic_ [a link](https://example.com)");
            assertThat(markdown.path("text_format").asText()).isEqualTo("markdown_v1");
            assertThat(rig.integration.delivered().get(1).text()).isEqualTo(markdown.path("body").asText());

            ObjectNode location = Json.object().put("latitude", 52.52).put("longitude", 13.405).put("name", "Mitte");
            accepted(rig.post("cu", CustomRig.call("m-3", USER, "location", location)));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("at 52.52,13.405"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "message", "location");
            assertThat(rig.bot.calls().get(2).payload().path("name").asText()).isEqualTo("Mitte");
            assertThat(rig.stored("message")).extracting(m -> m.path("body").asText())
                    .containsExactly("hello", "echo: hello", "md", markdown.path("body").asText(), "at 52.52,13.405");
            assertThat(rig.count("conversations")).isEqualTo(1);
            assertThat(rig.count("channel_inbound")).isEqualTo(3);

            String first = rig.integration.delivered().getFirst().idempotencyKey();
            assertThat(rig.integration.delivered()).extracting(CustomStandIn.Taken::idempotencyKey)
                    .doesNotHaveDuplicates();
            ObjectNode read = Json.object().put("id", "r-1").put("status", "read");
            read.putArray("message_ids").add("cm-1");
            accepted(rig.post("cu", read));
            assertThat(status(rig, "cm-1")).isEqualTo("read");
            ObjectNode failed = Json.object().put("id", "r-2").put("status", "failed").put("error", "phone is off");
            failed.putArray("message_ids").add("cm-2");
            accepted(rig.post("cu", failed));
            accepted(rig.post("cu", failed));
            assertThat(rig.stored("channel_error")).hasSize(1);
            JsonNode error = rig.stored("channel_error").getFirst();
            assertThat(error.path("reason").asText()).isEqualTo("phone is off");
            assertThat(error.path("channel_id").asText()).isEqualTo("cu");
            assertThat(first).isNotEqualTo(rig.integration.delivered().get(1).idempotencyKey());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aContactTalksThroughAFlowPickingAnOptionByItsToken(StoreKind kind) {
        try (CustomRig rig = new CustomRig(kind, temp)) {
            accepted(rig.post("cf", CustomRig.text("f-1", USER, "4711")));
            await().atMost(WAIT).untilAsserted(() -> assertThat(rig.integration.texts())
                    .as("timeline %s", rig.timeline()).hasSize(2));
            assertThat(rig.integration.texts().getFirst()).isEqualTo("Hi Zoe! Your order number?");
            CustomStandIn.Taken choice = rig.integration.delivered().get(1);
            assertThat(choice.body().path("channel_id").asText()).isEqualTo("cf");
            assertThat(choice.packetName()).isEqualTo("button_template");
            assertThat(choice.payload().path("body").asText()).isEqualTo("Order 4711: what do you need?");
            assertThat(choice.payload().path("options").findValuesAsText("label"))
                    .containsExactly("Delivery status", "Talk to support");
            assertThat(choice.text())
                    .isEqualTo("Order 4711: what do you need?\n1. Delivery status\n2. Talk to support");
            String token = choice.payload().path("options").get(0).path("id").asText();
            assertThat(token).isNotEqualTo("status").hasSizeLessThanOrEqualTo(64);

            accepted(rig.post("cf", CustomRig.click("f-2", USER, token, "Delivery status")));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("Your e-mail address?"));
            accepted(rig.post("cf", CustomRig.text("f-3", USER, "ada@example.com")));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("Thanks, **ada@example.com**."));
            assertThat(rig.stored("click")).extracting(c -> c.path("value").path("id").asText())
                    .containsExactly("status");
            assertThat(rig.integration.delivered().getLast().payload().path("text_format").asText())
                    .isEqualTo("markdown_v1");
            assertThat(rig.bot.calls()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void choicesGoOutAsOptionsAndNumberedTextAndComeBackAsClicks(StoreKind kind) {
        try (CustomRig rig = new CustomRig(kind, temp)) {
            accepted(rig.post("cu", CustomRig.text("c-1", USER, "choices 3")));
            await().atMost(WAIT).until(() -> rig.integration.delivered().size() == 1);
            CustomStandIn.Taken three = rig.integration.delivered().getFirst();
            assertThat(three.packetName()).isEqualTo("bubbles");
            assertThat(three.payload().path("options").findValuesAsText("label"))
                    .containsExactly("Option 1", "Option 2", "Option 3");
            assertThat(three.text()).isEqualTo("Answer with a number:\n1. Option 1\n2. Option 2\n3. Option 3");
            String token = three.payload().path("options").get(1).path("id").asText();
            assertThat(token).isNotEqualTo("opt-2");

            accepted(rig.post("cu", CustomRig.click("c-2", USER, token, "Option 2")));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("clicked opt-2"));
            accepted(rig.post("cu", CustomRig.click("c-3", USER, token, "Option 2")));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("echo: Option 2"));

            accepted(rig.post("cu", CustomRig.text("c-4", USER, "choices 14")));
            await().atMost(WAIT).until(() -> rig.integration.delivered().size() == 4);
            CustomStandIn.Taken fourteen = rig.integration.delivered().get(3);
            assertThat(fourteen.payload().path("options")).hasSize(14);
            assertThat(fourteen.text()).startsWith("Answer with a number:\n1. Option 1\n2. Option 2\n")
                    .endsWith("\n14. Option 14");
            accepted(rig.post("cu", CustomRig.text("c-5", USER, "12")));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("clicked opt-12"));
            accepted(rig.post("cu", CustomRig.text("c-6", USER, "3")));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("echo: 3"));
            accepted(rig.post("cu", CustomRig.click("c-7", USER, "c-not-a-token", "Something")));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("echo: Something"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "click", "message", "message", "click", "message", "message");
            assertThat(rig.bot.calls().get(1).payload().path("value").path("label").asText()).isEqualTo("Option 2");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badSignaturesOldTimestampsAndBadBodiesAreRefusedAndNothingIsStored(StoreKind kind) {
        try (CustomRig rig = new CustomRig(kind, temp)) {
            ObjectNode hello = CustomRig.text("x-1", USER, "hello");
            assertThat(rig.post("cu", hello, "not-the-token", Instant.now()).status()).isEqualTo(401);
            assertThat(rig.http.post(rig.parley.baseUrl() + "/channels/cu/webhook", Map.of(), Json.write(hello))
                    .status()).isEqualTo(401);
            assertThat(rig.post("cu", hello, CustomRig.TOKEN, Instant.now().minusSeconds(301)).status())
                    .isEqualTo(401);
            assertThat(rig.post("cu", hello, CustomRig.TOKEN, Instant.now().plusSeconds(301)).status())
                    .isEqualTo(401);
            String raw = Json.write(hello);
            String signed = WebhookSigner.header(CustomRig.TOKEN, raw, Instant.now());
            assertThat(rig.http.post(rig.parley.baseUrl() + "/channels/cu/webhook",
                    Map.of(WebhookSigner.HEADER, signed), raw.replace("hello", "hellO")).status()).isEqualTo(401);
            assertThat(rig.post("nope", hello).status()).isEqualTo(404);
            assertThat(rig.http.get(rig.parley.baseUrl() + "/channels/cu/webhook?hub.mode=subscribe", Map.of())
                    .status()).isEqualTo(404);

            ObjectNode noUser = CustomRig.text("x-2", USER, "hello");
            noUser.withObject("/user").remove("id");
            refused(rig.post("cu", noUser), "user.id");
            ObjectNode extra = CustomRig.text("x-3", USER, "hello").put("colour", "red");
            refused(rig.post("cu", extra), "colour");
            refused(rig.post("cu", CustomRig.call("x-4", USER, "sticker", Json.object())), "packet.name");
            refused(rig.post("cu", CustomRig.call("x-5", USER, "location",
                    Json.object().put("latitude", 100).put("longitude", 13))), "packet.payload.latitude");
            refused(rig.post("cu", CustomRig.call("x-6", USER, "message", Json.object().put("body", ""))),
                    "packet.payload.body");
            refused(rig.post("cu", CustomRig.text("x-7", USER, "hi").put("sent_at", "yesterday")), "sent_at");
            refused(rig.post("cu", CustomRig.click("x-8", USER, "c1", "A").without("id")), "id");
            ObjectNode report = Json.object().put("id", "r-1").put("status", "seen");
            report.putArray("message_ids").add("cm-1");
            refused(rig.post("cu", report), "status");

            String array = "[]";
            HttpAnswer notAnObject = rig.http.post(rig.parley.baseUrl() + "/channels/cu/webhook",
                    Map.of(WebhookSigner.HEADER, WebhookSigner.header(CustomRig.TOKEN, array, Instant.now())), array);
            assertThat(notAnObject.status()).isEqualTo(400);
            assertThat(notAnObject.json().path("error").path("code").asText()).isEqualTo("invalid_json");

            assertThat(rig.count("conversations")).isZero();
            assertThat(rig.count("channel_inbound")).isZero();
            assertThat(rig.count("contacts")).isZero();
            assertThat(rig.bot.calls()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFileBothWaysAsParleysOwnCopy(StoreKind kind) throws Exception {
        try (CustomRig rig = new CustomRig(kind, temp)) {
            byte[] jpeg = jpeg();
            String url = rig.integration.serveFile("cat.jpg", jpeg, "image/jpeg");
            accepted(rig.post("cu", CustomRig.call("f-1", USER, "media",
                    Json.object().put("url", url).put("caption", "my cat"))));
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("got image/jpeg"));
            JsonNode start = rig.bot.calls().getFirst().payload();
            assertThat(start.path("url").asText()).startsWith(rig.parley.baseUrl() + "/media/");
            assertThat(start.path("caption").asText()).isEqualTo("my cat");
            assertThat(start.path("size").asLong()).isEqualTo(jpeg.length);

            await().atMost(WAIT).until(() -> rig.integration.delivered().size() == 2);
            CustomStandIn.Taken back = rig.integration.delivered().get(1);
            assertThat(back.packetName()).isEqualTo("media");
            assertThat(back.payload().path("url").asText()).isEqualTo(start.path("url").asText());
            assertThat(back.payload().path("caption").asText()).isEqualTo("your picture");
            assertThat(back.text()).isEqualTo("your picture\n" + start.path("url").asText());
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(start.path("url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.body()).isEqualTo(jpeg);

            accepted(rig.post("cu", CustomRig.call("f-2", USER, "media",
                    Json.object().put("url", rig.integration.serveFile("x", jpeg, "image/jpeg") + "-gone"))));
            await().atMost(WAIT).until(() -> rig.bot.calls().size() == 2);
            assertThat(rig.bot.calls().get(1).payload().path("body").asText())
                    .startsWith("(a file that could not be kept");
            refused(rig.post("cu", CustomRig.call("f-3", USER, "media", Json.object().put("url", "ftp://x/y"))),
                    "packet.payload.url");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorAnswersFromTheConsoleAndARefusalIsOnTheTimeline(StoreKind kind) {
        try (CustomRig rig = new CustomRig(kind, temp)) {
            Map<String, String> ada = OperatorLogin.as(rig.http, rig.parley.baseUrl(), "ada@example.com", "pw");
            rig.http.put(rig.parley.baseUrl() + "/api/v1/operators/me/status", ada, "{\"status\":\"online\"}");
            accepted(rig.post("cu", CustomRig.text("o-1", USER, "human")));
            await().atMost(WAIT).until(() -> rig.stored("conversation_forwarded").size() == 1);
            String id = rig.bot.calls().getFirst().info().path("conversation").path("id").asText();
            HttpAnswer reply = rig.http.post(rig.parley.baseUrl() + "/api/v1/conversations/" + id + "/messages", ada,
                    "{\"body\":\"Hi, Ada here.\"}");
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            await().atMost(WAIT).until(() -> rig.integration.texts().contains("Hi, Ada here."));
            assertThat(rig.integration.delivered().getLast().body().path("user").path("id").asText()).isEqualTo(USER);

            rig.integration.failWith(403, "user_blocked");
            reply = rig.http.post(rig.parley.baseUrl() + "/api/v1/conversations/" + id + "/messages", ada,
                    "{\"body\":\"Still there?\"}");
            assertThat(reply.status()).isEqualTo(201);
            await().atMost(WAIT).until(() -> rig.stored("channel_error").size() == 1);
            JsonNode error = rig.stored("channel_error").getFirst();
            assertThat(error.path("code").asText()).isEqualTo("user_blocked");
            assertThat(error.path("reason").asText()).contains("HTTP 403").contains("refused: user_blocked");
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.integration.taken().stream().filter(t -> t.text().equals("Still there?"))).hasSize(1);
        }
    }

    /**
     * The integration answers 503 for 30 s, told by Parley's clock ({@link VendorOutage}). The outbox retries after
     * about 1, 3, 9 and 27 s (± 20 %, {@code ChannelSender.POLICY}; the integration's {@code Retry-After: 1} is
     * shorter), so the first message is tried five times, the fifth 32 to 48 s after the first and the only one after
     * the outage; then the rest follow in order. Every attempt of one message carries the same Idempotency-Key.
     */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whenTheIntegrationIsDownFor30SecondsEveryMessageArrivesOnceInOrderWithOneKeyEach(StoreKind kind) {
        try (CustomRig rig = new CustomRig(kind, temp)) {
            Instant down = rig.clock.instant();
            rig.integration.failFor(VendorOutage.OUTAGE, rig.clock);
            accepted(rig.post("cu", CustomRig.text("d-1", USER, "three")));
            VendorOutage.ride(rig.clock, rig.parley, () -> rig.count("channel_outbound") == 3);

            assertThat(Duration.between(down, rig.clock.instant())).isGreaterThanOrEqualTo(VendorOutage.OUTAGE);
            assertThat(rig.integration.texts()).containsExactly("one", "two", "three");
            List<CustomStandIn.Taken> tried = rig.integration.taken();
            assertThat(tried).extracting(CustomStandIn.Taken::text)
                    .as("only the first message is tried while the integration is down, four times")
                    .containsExactly("one", "one", "one", "one", "one", "two", "three");
            assertThat(tried.subList(0, 5)).extracting(CustomStandIn.Taken::idempotencyKey).containsOnly(
                    rig.integration.delivered().getFirst().idempotencyKey());
            assertThat(rig.integration.delivered()).extracting(CustomStandIn.Taken::idempotencyKey)
                    .doesNotHaveDuplicates();
            assertThat(rig.stored("channel_error")).isEmpty();
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.integration.delivered()).hasSize(3);
        }
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static String status(CustomRig rig, String vendorId) {
        return rig.parley.parley().database().read(h -> h.createQuery(
                "SELECT status FROM channel_outbound WHERE vendor_message_id = :id").bind("id", vendorId)
                .mapTo(String.class).one());
    }

    private static void refused(HttpAnswer answer, String path) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.json().path("error").path("path").asText()).as("%s", answer).isEqualTo(path);
        assertThat(answer.json().path("error").path("message").asText()).startsWith(path + ": ");
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }
}
