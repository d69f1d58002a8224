package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.ChatPacket;
import dev.parley.channel.standin.ThreemaStandIn;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebhookRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Threema end to end: boxed and MAC'd callbacks in, a real bot, the Gateway stand-in out, opened by the test. */
class ThreemaChannelTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBoxedTextReachesTheBotAndItsAnswerOpensWithTheContactsKey(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            accepted(rig.text("0102030405060708", "hello äöü"));
            await().atMost(WAIT).until(() -> rig.texts().contains("echo: hello äöü"));
            WebhookRecorder.Call start = rig.bot.calls().getFirst();
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.payload().path("body").asText()).isEqualTo("hello äöü");
            assertThat(start.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("threema");
            assertThat(start.info().path("contact").path("name").asText()).isEqualTo("Zoë");
            assertThat(rig.gateway.sent().getFirst().to()).isEqualTo(ThreemaRig.CONTACT);

            HttpAnswer again = rig.text("0102030405060708", "hello äöü");
            accepted(again);
            assertThat(again.json().path("stored").asInt()).isZero();
            accepted(rig.text("0102030405060709", "bold"));
            await().atMost(WAIT).until(() -> rig.texts().contains("*Bold*, _italic_ and ~gone~"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName).containsExactly("start", "message");
            assertThat(rig.count("conversations")).isEqualTo(1);
            assertThat(rig.gateway.calls().stream().filter(c -> c.startsWith("GET /pubkeys/"))).as("the key is cached")
                    .hasSize(1);

            String first = rig.gateway.sent().getFirst().messageId();
            accepted(rig.post("th", rig.gateway.receiptCallback(ThreemaRig.CONTACT, rig.e2e, "0a0b0c0d0e0f1011", 2,
                    List.of(first))));
            String status = rig.parley.parley().database().read(h -> h.createQuery(
                    "SELECT status FROM channel_outbound WHERE vendor_message_id = :id").bind("id", first)
                    .mapTo(String.class).one());
            assertThat(status).isEqualTo("read");

            HttpAnswer location = rig.post("th", rig.gateway.callback(ThreemaRig.CONTACT, rig.e2e, "0a0b0c0d0e0f1012",
                    ThreemaStandIn.message(0x10, "52.52,13.405".getBytes(StandardCharsets.UTF_8)), Optional.empty()));
            accepted(location);
            assertThat(location.json().path("stored").asInt()).as("a type Parley does not read").isZero();
            assertThat(rig.bot.calls()).hasSize(2);
            assertThat(rig.gateway.problems()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBadOrMissingMacIsRefusedAndNothingIsStored(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            byte[] plain = ThreemaStandIn.message(0x01, "hi".getBytes(StandardCharsets.UTF_8));
            String forged = rig.gateway.callback(ThreemaRig.CONTACT, rig.e2e, "1111111111111111", plain,
                    Optional.of(ThreemaStandIn.hmac("not-the-secret", "x")));
            assertThat(rig.post("th", forged).status()).isEqualTo(401);
            String unsigned = rig.gateway.textCallback(ThreemaRig.CONTACT, rig.e2e, "2222222222222222", "hi")
                    .replaceAll("&mac=[0-9a-f]+", "");
            assertThat(rig.post("th", unsigned).status()).isEqualTo(401);
            String tampered = rig.gateway.textCallback(ThreemaRig.CONTACT, rig.e2e, "3333333333333333", "hi")
                    .replace("messageId=3333333333333333", "messageId=4444444444444444");
            assertThat(rig.post("th", tampered).status()).isEqualTo(401);
            assertThat(rig.post("tb", rig.gateway.textCallback(ThreemaRig.CONTACT, rig.basic, "5555555555555555",
                    "hi")).status()).as("basic mode receives nothing").isEqualTo(401);
            HttpAnswer wrongTo = rig.post("th", rig.gateway.textCallback(ThreemaRig.CONTACT, rig.e2e,
                    "6666666666666666", "hi").replace("to=*PARLEY1", "to=*PARLEY9"));
            assertThat(wrongTo.status()).as("the MAC covers to").isEqualTo(401);
            assertThat(rig.count("conversations")).isZero();
            assertThat(rig.count("channel_inbound")).isZero();
            assertThat(rig.bot.calls()).isEmpty();
            assertThat(rig.gateway.calls()).as("nothing is fetched for a refused call").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void choicesOf3And14ShowAsNumberedTextAndNumbersComeBackAsClicks(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            accepted(rig.text("00000000000000c1", "choices 3"));
            await().atMost(WAIT).until(() -> rig.texts().size() == 1);
            assertThat(rig.texts().getFirst())
                    .isEqualTo("Answer with a *number*:\n1. Option 1\n2. Option 2\n3. Option 3");
            accepted(rig.text("00000000000000c2", "2"));
            await().atMost(WAIT).until(() -> rig.texts().contains("clicked opt-2"));
            accepted(rig.text("00000000000000c3", "choices 14"));
            await().atMost(WAIT).until(() -> rig.texts().size() == 3);
            assertThat(rig.texts().get(2)).startsWith("Answer with a *number*:\n1. Option 1").endsWith("14. Option 14");
            accepted(rig.text("00000000000000c4", "14"));
            await().atMost(WAIT).until(() -> rig.texts().contains("clicked opt-14"));
            accepted(rig.text("00000000000000c5", "3"));
            await().atMost(WAIT).until(() -> rig.texts().contains("echo: 3"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "click", "message", "click", "message");
            assertThat(rig.bot.calls().get(3).payload().path("value").path("label").asText()).isEqualTo("Option 14");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aTextOver3500BytesIsSplitAtWordsByItsUtf8Length(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            accepted(rig.text("00000000000000d1", "long 6000"));
            await().atMost(WAIT).until(() -> rig.texts().size() == 2);
            List<String> parts = rig.texts();
            assertThat(parts).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(3500).isGreaterThan(2400));
            assertThat(parts.getFirst().length()).as("fewer than 3500 chars: ü and ß take 2 bytes").isLessThan(3000);
            assertThat(String.join(" ", parts)).startsWith("grüß1 grüß2").doesNotContain("  ");
            assertThat(parts).allSatisfy(p -> assertThat(p).doesNotStartWith(" ").doesNotEndWith(" "));
            assertThat(String.join(" ", parts).split(" ")).allSatisfy(w -> assertThat(w).matches("grüß\\d+"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFileComesInDecryptedAndGoesBackAsAFileMessage(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            byte[] pdf = "%PDF-1.4\n% a tiny test document\n".getBytes(StandardCharsets.US_ASCII);
            accepted(rig.post("th", rig.gateway.fileCallback(ThreemaRig.CONTACT, rig.e2e, "00000000000000f1", pdf,
                    "application/pdf", "menu.pdf", "the menu")));
            await().atMost(WAIT).until(() -> rig.gateway.sent().stream().anyMatch(s -> s.type() == 0x17));
            WebhookRecorder.Call start = rig.bot.calls().getFirst();
            assertThat(start.payload().path("mime_type").asText()).isEqualTo("application/pdf");
            assertThat(start.payload().path("caption").asText()).isEqualTo("the menu");
            assertThat(start.payload().path("size").asLong()).isEqualTo(pdf.length);
            assertThat(rig.texts()).contains("got application/pdf the menu");
            ThreemaStandIn.Sent file = rig.gateway.sent().stream().filter(s -> s.type() == 0x17).findFirst()
                    .orElseThrow();
            var json = dev.parley.json.Json.parseStoredObject(file.text());
            assertThat(json.path("m").asText()).isEqualTo("application/pdf");
            assertThat(json.path("d").asText()).isEqualTo("your file");
            assertThat(json.path("s").asLong()).isEqualTo(pdf.length);
            assertThat(rig.gateway.openFile(json.path("b").asText(), json.path("k").asText())).isEqualTo(pdf);

            byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0,
                    (byte) 0xff, (byte) 0xd9};
            accepted(rig.post("th", rig.gateway.imageCallback(ThreemaRig.CONTACT, rig.e2e, "00000000000000f2", jpeg)));
            await().atMost(WAIT).until(() -> rig.bot.calls().size() == 2);
            assertThat(rig.bot.calls().get(1).payload().path("mime_type").asText()).isEqualTo("image/jpeg");
            assertThat(rig.bot.calls().get(1).payload().path("size").asLong()).isEqualTo(jpeg.length);
            assertThat(rig.gateway.problems()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aContactChatsWithAFlowBotOnItsChannel(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            accepted(rig.post("tf", rig.gateway.textCallback(ThreemaRig.CONTACT, rig.flow, "00000000000000e1", "hi")));
            await().atMost(WAIT).until(() -> flowTexts(rig).contains("Hello from the flow! Your name?"));
            accepted(rig.post("tf", rig.gateway.textCallback(ThreemaRig.CONTACT, rig.flow, "00000000000000e2",
                    "Zoë")));
            await().atMost(WAIT).until(() -> flowTexts(rig).contains("Thanks, Zoë."));
            assertThat(rig.bot.calls()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorsReplyFromTheConsoleReachesThreema(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            Map<String, String> ada = OperatorLogin.as(rig.http, rig.parley.baseUrl(), "ada@example.com", "pw");
            rig.http.put(rig.parley.baseUrl() + "/api/v1/operators/me/status", ada, "{\"status\":\"online\"}");
            accepted(rig.text("00000000000000a1", "human"));
            await().atMost(WAIT).until(() -> rig.stored("conversation_forwarded").size() == 1);
            String id = rig.bot.calls().getFirst().info().path("conversation").path("id").asText();
            HttpAnswer reply = rig.http.post(rig.parley.baseUrl() + "/api/v1/conversations/" + id + "/messages", ada,
                    "{\"body\":\"Hi, Ada here.\"}");
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            await().atMost(WAIT).until(() -> rig.texts().contains("Hi, Ada here."));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void basicModeSendsSimpleTextsSplitByBytesAndGatewayErrorsAreRetriedOrPermanent(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            ChannelAdapter basic = rig.parley.parley().channels().registry().find("tb").orElseThrow().adapter();
            String long_ = "ä".repeat(1000) + " " + "ö".repeat(1000) + " end";
            SendResult result = basic.send(ThreemaRig.CONTACT, ChatPacket.Message.text(long_), SentParts.NONE, "k");
            assertThat(result).isInstanceOf(SendResult.Sent.class);
            List<String> texts = rig.gateway.texts(ThreemaRig.CONTACT);
            assertThat(texts).containsExactly("ä".repeat(1000), "ö".repeat(1000) + " end");
            assertThat(rig.gateway.sent()).allSatisfy(s -> assertThat(s.from()).isEqualTo("*PARLEY2"));
            assertThat(rig.gateway.calls()).containsOnly("POST /send_simple");
            SendResult unknown = rig.parley.parley().channels().registry().find("th").orElseThrow().adapter()
                    .send("UNKNOWN1", ChatPacket.Message.text("hi"), SentParts.NONE, "k");
            assertThat(unknown).isEqualTo(new SendResult.Permanent("404",
                    "HTTP 404: the Threema ID (or blob) does not exist"));

            rig.gateway.failWith(Optional.of(402));
            assertThat(basic.send(ThreemaRig.CONTACT, ChatPacket.Message.text("hi"), SentParts.NONE, "k"))
                    .isEqualTo(new SendResult.Permanent("402", "HTTP 402: the gateway has no credits left"));
            rig.gateway.failWith(Optional.of(401));
            assertThat(basic.send(ThreemaRig.CONTACT, ChatPacket.Message.text("hi"), SentParts.NONE, "k"))
                    .isEqualTo(new SendResult.Permanent("401", "HTTP 401: the gateway ID or the API secret is wrong"));
            rig.gateway.failWith(Optional.of(413));
            assertThat(basic.send(ThreemaRig.CONTACT, ChatPacket.Message.text("hi"), SentParts.NONE, "k"))
                    .isInstanceOf(SendResult.Permanent.class);
            for (int status : List.of(429, 500, 503)) {
                rig.gateway.failWith(Optional.of(status));
                SendResult later = basic.send(ThreemaRig.CONTACT, ChatPacket.Message.text(long_), SentParts.NONE, "k");
                assertThat(later).as("HTTP %d", status).isInstanceOf(SendResult.Retry.class);
            }
            rig.gateway.failWith(Optional.empty());
            SendResult rest = basic.send(ThreemaRig.CONTACT, ChatPacket.Message.text(long_),
                    new SentParts(1, Optional.of("00000000000000aa")), "k");
            assertThat(rest).as("a retry sends only the parts not taken")
                    .isEqualTo(new SendResult.Sent("00000000000000aa"));
            assertThat(rig.gateway.texts(ThreemaRig.CONTACT)).hasSize(3).endsWith("ö".repeat(1000) + " end");
        }
    }

    private static List<String> flowTexts(ThreemaRig rig) {
        return rig.gateway.sent().stream().filter(s -> s.from().equals("*PARLEY3")).map(ThreemaStandIn.Sent::text)
                .toList();
    }

    static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }
}
