package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.channel.standin.TwilioStandIn;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebhookRecorder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SMS (Twilio) end to end: signed form posts in through a proxy's public URL, real bots, the Twilio stand-in out. */
class SmsChannelTest {
    private static final String ZOE = "+14155550123";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aContactChatsWithAnApiBotAndStatusCallbacksAreRecorded(StoreKind kind) {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            HttpAnswer first = rig.sms("SM" + "1".repeat(32), ZOE, "hello");
            assertThat(first.status()).as("%s", first).isEqualTo(200);
            assertThat(first.header("Content-Type").orElseThrow()).startsWith("text/xml");
            assertThat(first.body()).isEqualTo(TWIML);
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("echo: hello"));
            WebhookRecorder.Call start = rig.bot.calls().getFirst();
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.payload().path("body").asText()).isEqualTo("hello");
            assertThat(start.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("sms");
            assertThat(start.info().path("contact").path("mobile_number").asText()).isEqualTo(ZOE);
            TwilioStandIn.Taken sent = rig.twilio.delivered().getFirst();
            assertThat(sent.form()).containsEntry("To", ZOE).containsEntry("From", SmsRig.NUMBER)
                    .containsEntry("StatusCallback", SmsRig.webhookUrl("sms"));

            accepted(rig.sms("SM" + "1".repeat(32), ZOE, "hello"));
            accepted(rig.sms("SM" + "2".repeat(32), ZOE, "more"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("echo: more"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName).containsExactly("start", "message");
            assertThat(rig.stored("message")).extracting(m -> m.path("body").asText())
                    .containsExactly("hello", "echo: hello", "more", "echo: more");
            assertThat(rig.count("channel_inbound")).isEqualTo(2);
            assertThat(rig.count("conversations")).isEqualTo(1);

            String sid = rig.twilio.delivered().getFirst().sid();
            assertThat(sid).startsWith("SM").hasSize(34);
            await().atMost(WAIT).until(() -> rig.count("channel_outbound") == 2);
            accepted(rig.post("sms", SmsRig.status(sid, ZOE, "sent", "")));
            accepted(rig.post("sms", SmsRig.status(sid, ZOE, "delivered", "")));
            assertThat(rig.outboundStatus(sid)).isEqualTo("delivered");
            accepted(rig.post("sms", SmsRig.status(sid, ZOE, "queued", "")));
            assertThat(rig.outboundStatus(sid)).isEqualTo("delivered");

            String second = rig.twilio.delivered().get(1).sid();
            accepted(rig.post("sms", SmsRig.status(second, ZOE, "undelivered", "30003")));
            accepted(rig.post("sms", SmsRig.status(second, ZOE, "undelivered", "30003")));
            assertThat(rig.outboundStatus(second)).isEqualTo("failed");
            assertThat(rig.stored("channel_error")).singleElement().satisfies(error -> {
                assertThat(error.path("code").asText()).isEqualTo("30003");
                assertThat(error.path("reason").asText()).contains("undelivered");
            });
            assertThat(rig.count("channel_inbound")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aContactChatsWithAFlowBotAnsweringItsChoiceByNumber(StoreKind kind) {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            String welcome = "Hi! What do you need?\n1. Delivery status\n2. Something else";
            accepted(rig.post("sms-flow", SmsRig.smsForm("SM" + "a".repeat(32), ZOE, "hi")));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 3);
            assertThat(rig.texts(ZOE)).as("the first text answers the welcome question, which it does not match")
                    .containsExactly(welcome, "Sorry, I did not get that. Please choose one of the options.", welcome);
            assertThat(rig.twilio.delivered().getFirst().form()).containsEntry("From", SmsRig.FLOW_NUMBER)
                    .containsEntry("StatusCallback", SmsRig.webhookUrl("sms-flow"));
            accepted(rig.post("sms-flow", SmsRig.smsForm("SM" + "b".repeat(32), ZOE, "1")));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 4);
            assertThat(rig.texts(ZOE).get(3)).isEqualTo("Your e-mail address?");
            accepted(rig.post("sms-flow", SmsRig.smsForm("SM" + "c".repeat(32), ZOE, "ada@example.com")));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 5);
            assertThat(rig.texts(ZOE).get(4))
                    .isEqualTo("Thanks, ada@example.com, see the status page (https://example.com/s).");
            assertThat(rig.stored("click")).singleElement()
                    .satisfies(c -> assertThat(c.path("value").path("id").asText()).isEqualTo("status"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void choicesOf3And14AreNumberedTextAndOnlyAnImmediateNumberIsAClick(StoreKind kind) {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            accepted(rig.sms("SM" + "c1".repeat(16), ZOE, "choices 3"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 1);
            assertThat(rig.texts(ZOE).getFirst())
                    .isEqualTo("Answer with a number:\n1. Option 1\n2. Option 2\n3. Option 3");
            accepted(rig.sms("SM" + "c2".repeat(16), ZOE, "2"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("clicked opt-2"));
            accepted(rig.sms("SM" + "c3".repeat(16), ZOE, "2"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("echo: 2"));

            accepted(rig.sms("SM" + "c4".repeat(16), ZOE, "choices 14"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 4);
            String numbered = rig.texts(ZOE).get(3);
            assertThat(numbered).startsWith("Answer with a number:\n1. Option 1\n2. Option 2")
                    .endsWith("\n14. Option 14");
            accepted(rig.sms("SM" + "c5".repeat(16), ZOE, "15"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("echo: 15"));
            accepted(rig.sms("SM" + "c6".repeat(16), ZOE, "12"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("echo: 12"));

            accepted(rig.sms("SM" + "c7".repeat(16), ZOE, "choices 14"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 7);
            accepted(rig.sms("SM" + "c8".repeat(16), ZOE, " 14. "));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("clicked opt-14"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName).containsExactly("start", "click",
                    "message", "message", "message", "message", "message", "click");
            assertThat(rig.bot.calls().get(1).payload().path("value").path("label").asText()).isEqualTo("Option 2");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBadSignatureIsRefusedAndNothingIsStored(StoreKind kind) {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            Map<String, String> form = SmsRig.smsForm("SM" + "x".repeat(32), ZOE, "hi");
            assertThat(rig.post("sms", form, TwilioStandIn.sign("wrong-token", SmsRig.webhookUrl("sms"), form))
                    .status()).isEqualTo(401);
            assertThat(rig.post("sms", form, TwilioStandIn.sign(SmsRig.TOKEN,
                    rig.parley.baseUrl() + "/channels/sms/webhook", form)).status())
                    .as("signed for the address Parley listens on, not the public URL Twilio calls").isEqualTo(401);
            assertThat(rig.post("sms", form, "").status()).isEqualTo(401);
            assertThat(rig.http.post(rig.parley.baseUrl() + "/channels/sms/webhook?x=1",
                    Map.of("X-Twilio-Signature", TwilioStandIn.sign(SmsRig.TOKEN, SmsRig.webhookUrl("sms"), form),
                            "Content-Type", "application/x-www-form-urlencoded"), TwilioStandIn.form(form)).status())
                    .as("the query string is signed too").isEqualTo(401);
            Map<String, String> changed = new java.util.LinkedHashMap<>(form);
            changed.put("Body", "changed");
            assertThat(rig.post("sms", changed, TwilioStandIn.sign(SmsRig.TOKEN, SmsRig.webhookUrl("sms"), form))
                    .status()).isEqualTo(401);
            assertThat(rig.http.get(rig.parley.baseUrl() + "/channels/sms/webhook", Map.of()).status())
                    .as("Twilio makes no handshake").isEqualTo(404);

            Map<String, String> noFrom = new java.util.LinkedHashMap<>(form);
            noFrom.remove("From");
            HttpAnswer bad = rig.post("sms", noFrom);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("error").path("message").asText()).isEqualTo("From: is required");
            assertThat(rig.count("conversations")).isZero();
            assertThat(rig.count("channel_inbound")).isZero();
            assertThat(rig.count("contacts")).isZero();
            assertThat(rig.bot.calls()).isEmpty();

            String withQuery = SmsRig.webhookUrl("sms") + "?source=twilio";
            HttpAnswer good = rig.http.post(rig.parley.baseUrl() + "/channels/sms/webhook?source=twilio",
                    Map.of("X-Twilio-Signature", TwilioStandIn.sign(SmsRig.TOKEN, withQuery, form),
                            "Content-Type", "application/x-www-form-urlencoded"), TwilioStandIn.form(form));
            assertThat(good.status()).as("%s", good).isEqualTo(200);
            assertThat(rig.count("channel_inbound")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anMmsPictureIsFetchedWithTheAccountsCredentialsAndTheBotsFileGoesAsALink(StoreKind kind)
            throws IOException {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            byte[] jpeg = jpeg();
            Map<String, String> form = SmsRig.smsForm("MM" + "1".repeat(32), ZOE, "my cat");
            form.put("NumMedia", "1");
            form.put("MediaContentType0", "image/jpeg");
            form.put("MediaUrl0", rig.twilio.addMedia(jpeg, "image/jpeg"));
            accepted(rig.post("sms", form));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 2);
            JsonNode start = rig.bot.calls().getFirst().payload();
            assertThat(start.path("mime_type").asText()).isEqualTo("image/jpeg");
            assertThat(start.path("caption").asText()).isEqualTo("my cat");
            assertThat(start.path("size").asLong()).isEqualTo(jpeg.length);
            String url = start.path("url").asText();
            assertThat(url).startsWith(SmsRig.PUBLIC + "/media/");
            byte[] kept = rig.http.client().sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    rig.parley.baseUrl() + url.substring(SmsRig.PUBLIC.length()))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).join().body();
            assertThat(kept).isEqualTo(jpeg);
            assertThat(rig.texts(ZOE)).containsExactly("got image/jpeg", "your picture\n" + url);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorAnswersFromTheConsoleAndALongAnswerIsSplitAtWords(StoreKind kind) {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            accepted(rig.sms("SM" + "l1".repeat(16), ZOE, "long 3500"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 3);
            List<String> parts = rig.texts(ZOE);
            assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(1600));
            assertThat(parts.subList(0, 2)).allSatisfy(p -> assertThat(p.length()).isGreaterThan(1590));
            assertThat(String.join(" ", parts)).startsWith("word1 word2 ").doesNotContain("  ")
                    .isEqualTo(rig.stored("message").get(1).path("body").asText());
            await().atMost(WAIT).until(() -> rig.count("channel_outbound") == 1);
            String recorded = rig.parley.parley().database().read(h -> h.createQuery(
                    "SELECT vendor_message_id FROM channel_outbound").mapTo(String.class).one());
            assertThat(recorded).as("one item, one id: the first part's").isEqualTo(rig.twilio.delivered().getFirst().sid());

            accepted(rig.sms("SM" + "l2".repeat(16), ZOE, "markdown"));
            await().atMost(WAIT).until(() -> rig.texts(ZOE).size() == 4);
            assertThat(rig.texts(ZOE).get(3)).isEqualTo("Bold, italic and gone: see the docs (https://example.com/d)");

            Map<String, String> ada = OperatorLogin.as(rig.http, rig.parley.baseUrl(), "ada@example.com", "pw");
            rig.http.put(rig.parley.baseUrl() + "/api/v1/operators/me/status", ada, "{\"status\":\"online\"}");
            accepted(rig.sms("SM" + "l3".repeat(16), ZOE, "human"));
            await().atMost(WAIT).until(() -> rig.stored("conversation_forwarded").size() == 1);
            String id = rig.bot.calls().getFirst().info().path("conversation").path("id").asText();
            HttpAnswer reply = rig.http.post(rig.parley.baseUrl() + "/api/v1/conversations/" + id + "/messages", ada,
                    "{\"body\":\"Hi, **Ada** here.\",\"text_format\":\"markdown_v1\"}");
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("Hi, Ada here."));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void permanentTwilioErrorsAreOnTheTimeline(StoreKind kind) {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            rig.twilio.optOut(ZOE);
            accepted(rig.sms("SM" + "p1".repeat(16), ZOE, "hello"));
            await().atMost(WAIT).until(() -> rig.stored("channel_error").size() == 1);
            JsonNode error = rig.stored("channel_error").getFirst();
            assertThat(error.path("code").asText()).isEqualTo("21610");
            assertThat(error.path("reason").asText()).contains("unsubscribed at the carrier")
                    .contains("Attempt to send to unsubscribed recipient");
            List<Map<String, Object>> subscriptions = rig.parley.parley().database().read(h -> h.createQuery(
                    "SELECT channel, subscribed, source FROM campaign_subscriptions").mapToMap().list());
            assertThat(subscriptions).as("the carrier's opt-out is Parley's too").singleElement().satisfies(row -> {
                assertThat(row).containsEntry("channel", "sms").containsEntry("source", "carrier");
                assertThat(((Number) row.get("subscribed")).intValue()).isZero();
            });

            String notANumber = "+1415555";
            rig.twilio.failWith(400, 21211, "The 'To' number " + notANumber + " is not a valid phone number.",
                    Optional.empty());
            accepted(rig.sms("SM" + "p2".repeat(16), "+4915112345678", "hello"));
            await().atMost(WAIT).until(() -> rig.stored("channel_error").size() == 2);
            assertThat(rig.stored("channel_error")).extracting(e -> e.path("code").asText())
                    .containsExactlyInAnyOrder("21610", "21211");
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.twilio.taken()).hasSize(2);
            assertThat(rig.twilio.delivered()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aTooManyRequestsAnswerIsRetriedAfterItsRetryAfter(StoreKind kind) {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            rig.twilio.failWith(429, 20429, "Too Many Requests", Optional.of(3L));
            accepted(rig.sms("SM" + "r1".repeat(16), ZOE, "hello"));
            await().atMost(WAIT).until(() -> !rig.twilio.taken().isEmpty());
            rig.twilio.recover();
            await().atMost(WAIT).until(() -> rig.texts(ZOE).contains("echo: hello"));
            List<TwilioStandIn.Taken> tried = rig.twilio.taken();
            assertThat(tried).hasSize(2);
            assertThat(Duration.between(tried.get(0).at(), tried.get(1).at()))
                    .as("Retry-After: 3 rather than the first wait of about 1 s").isGreaterThan(Duration.ofMillis(2900));
            assertThat(rig.stored("channel_error")).isEmpty();
        }
    }

    /**
     * Twilio answers 503 for 30 s, told by Parley's clock ({@link VendorOutage}). The outbox retries after about 1,
     * 3, 9 and 27 s (± 20 %), so the first message is tried five times, the fifth 32 to 48 s after the first and the
     * only one after the outage; then the other two follow in order.
     */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whenTwilioIsDownFor30SecondsEveryMessageArrivesOnceInOrder(StoreKind kind) {
        try (SmsRig rig = new SmsRig(kind, temp)) {
            Instant down = rig.clock.instant();
            rig.twilio.failFor(VendorOutage.OUTAGE, rig.clock);
            accepted(rig.sms("SM" + "d1".repeat(16), ZOE, "three"));
            VendorOutage.ride(rig.clock, rig.parley, () -> rig.count("channel_outbound") == 3);

            assertThat(Duration.between(down, rig.clock.instant())).isGreaterThanOrEqualTo(VendorOutage.OUTAGE);
            assertThat(rig.twilio.bodies()).containsExactly("one", "two", "three");
            assertThat(rig.twilio.taken()).extracting(TwilioStandIn.Taken::body)
                    .as("only the first message is tried while Twilio is down, four times")
                    .containsExactly("one", "one", "one", "one", "one", "two", "three");
            assertThat(rig.stored("channel_error")).isEmpty();
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.twilio.delivered()).hasSize(3);
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
}
