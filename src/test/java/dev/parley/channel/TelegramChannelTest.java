package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.TelegramWebhooks;
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
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Telegram end to end: webhook updates with the secret token in, an API bot and a flow bot, the Bot API stand-in out. */
class TelegramChannelTest {
    private static final long CHAT = 1111111L;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theWebhookIsRegisteredAtStartAndTheFirstMessageRidesInStartAndIsStoredOnce(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            await().atMost(WAIT).until(() -> !rig.calls(TelegramRig.TOKEN, "setWebhook").isEmpty());
            JsonNode registered = rig.calls(TelegramRig.TOKEN, "setWebhook").getFirst();
            assertThat(registered.path("url").asText()).isEqualTo(rig.parley.baseUrl() + "/channels/tg/webhook");
            assertThat(registered.path("secret_token").asText()).isEqualTo(TelegramRig.SECRET);
            assertThat(rig.calls(TelegramRig.FLOW_TOKEN, "setWebhook")).as("tgflow does not ask for it").isEmpty();

            accepted(rig.update(TelegramWebhooks.text(10000, CHAT, "hello")));
            await().atMost(WAIT).until(() -> rig.telegram.texts().contains("echo: hello"));
            WebhookRecorder.Call start = rig.bot.calls().getFirst();
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.payload().path("body").asText()).isEqualTo("hello");
            assertThat(start.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("telegram");
            assertThat(start.info().path("contact").path("name").asText()).isEqualTo("Zoe Test");
            JsonNode sent = rig.calls(TelegramRig.TOKEN, "sendMessage").getFirst();
            assertThat(sent.path("chat_id").asText()).isEqualTo(String.valueOf(CHAT));

            HttpAnswer again = rig.update(TelegramWebhooks.text(10000, CHAT, "hello"));
            accepted(again);
            assertThat(again.json().path("stored").asInt()).isZero();
            accepted(rig.update(TelegramWebhooks.text(10001, CHAT, "more")));
            await().atMost(WAIT).until(() -> rig.telegram.texts().contains("echo: more"));
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName).containsExactly("start", "message");
            assertThat(rig.stored("message")).extracting(m -> m.path("body").asText())
                    .containsExactly("hello", "echo: hello", "more", "echo: more");
            assertThat(rig.count("conversations")).isEqualTo(1);
            String vendorId = rig.parley.parley().database().read(h -> h.createQuery(
                    "SELECT vendor_message_id FROM channel_outbound ORDER BY sent_at LIMIT 1").mapTo(String.class).one());
            assertThat(vendorId).isEqualTo(CHAT + ":" + rig.telegram.sent().getFirst().path("message_id").asLong());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void markdownIsSentAsEntitiesCountedInUtf16AndLongTextsInParts(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            accepted(rig.update(TelegramWebhooks.text(20000, CHAT, "markdown")));
            await().atMost(WAIT).until(() -> rig.telegram.texts().size() == 1);
            JsonNode sent = rig.calls(TelegramRig.TOKEN, "sendMessage").getFirst();
            String text = sent.path("text").asText();
            assertThat(text).isEqualTo("😀 Bold and 👍 more 1+1=2. {ok}! #tag (a) [x] gone under a|b x*y_z the docs"
                    + " - > end.");
            assertThat(sent.has("parse_mode")).isFalse();
            assertThat(entity(sent, "bold")).isEqualTo(List.of(3, 16));
            assertThat(text.substring(3, 3 + 16)).isEqualTo("Bold and 👍 more");
            assertThat(entity(sent, "italic")).isEqualTo(List.of(8, 3));
            assertThat(text.substring(entity(sent, "strikethrough").get(0)).startsWith("gone")).isTrue();
            assertThat(text.substring(entity(sent, "underline").get(0)).startsWith("under")).isTrue();
            assertThat(text.substring(entity(sent, "code").get(0), entity(sent, "code").get(0) + entity(sent,
                    "code").get(1))).isEqualTo("x*y_z");
            JsonNode link = entities(sent).stream().filter(e -> e.path("type").asText().equals("text_link"))
                    .findFirst().orElseThrow();
            assertThat(link.path("url").asText()).isEqualTo("https://example.com/a_(b)?q=1&r=2");
            assertThat(text.substring(link.path("offset").asInt(), link.path("offset").asInt()
                    + link.path("length").asInt())).isEqualTo("the docs");

            accepted(rig.update(TelegramWebhooks.text(20001, CHAT, "long 4500")));
            await().atMost(WAIT).until(() -> rig.telegram.texts().size() == 3);
            List<String> parts = rig.telegram.texts().subList(1, 3);
            assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
            assertThat(String.join(" ", parts)).startsWith("word1 word2").hasSizeGreaterThanOrEqualTo(4500);
            // the send is recorded once Telegram took its last part: one record for the item's two parts
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.count("channel_outbound")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void choicesAreInlineKeyboardsAndOnlyTheFirstClickIsAClickEachAnswered(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            accepted(rig.update(TelegramWebhooks.text(30000, CHAT, "choices 3")));
            await().atMost(WAIT).until(() -> rig.telegram.sent().size() == 1);
            JsonNode shown = rig.telegram.sent().getFirst();
            JsonNode keyboard = shown.path("reply_markup").path("inline_keyboard");
            assertThat(keyboard).hasSize(3);
            assertThat(keyboard.findValuesAsText("text")).containsExactly("Option 1", "Option 2", "Option 3");
            assertThat(shown.path("text").asText()).isEqualTo("Pick one");
            String token = keyboard.get(1).get(0).path("callback_data").asText();
            assertThat(token).isNotEqualTo("opt-2").hasSizeBetween(1, 64);

            accepted(rig.update(TelegramWebhooks.callback(30001, CHAT, "q-1", shown, token)));
            assertThat(rig.calls(TelegramRig.TOKEN, "answerCallbackQuery"))
                    .as("answered before the webhook call returns").extracting(q -> q.path("callback_query_id")
                            .asText()).containsExactly("q-1");
            await().atMost(WAIT).until(() -> rig.telegram.texts().contains("clicked opt-2"));
            accepted(rig.update(TelegramWebhooks.callback(30002, CHAT, "q-2", shown, token)));
            await().atMost(WAIT).until(() -> rig.telegram.texts().contains("echo: Option 2"));

            accepted(rig.update(TelegramWebhooks.text(30003, CHAT, "choices 14")));
            await().atMost(WAIT).until(() -> rig.telegram.sent().size() == 4);
            JsonNode fourteen = rig.telegram.sent().get(3);
            assertThat(fourteen.path("reply_markup").path("inline_keyboard")).hasSize(14);
            String twelfth = fourteen.path("reply_markup").path("inline_keyboard").get(11).get(0)
                    .path("callback_data").asText();
            accepted(rig.update(TelegramWebhooks.callback(30004, CHAT, "q-3", fourteen, twelfth)));
            await().atMost(WAIT).until(() -> rig.telegram.texts().contains("clicked opt-12"));
            accepted(rig.update(TelegramWebhooks.text(30005, CHAT, "3")));
            await().atMost(WAIT).until(() -> rig.telegram.texts().contains("echo: 3"));

            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "click", "message", "message", "click", "message");
            assertThat(rig.bot.calls().get(1).payload().path("value").path("label").asText()).isEqualTo("Option 2");
            assertThat(rig.bot.calls().get(2).payload().path("body").asText()).isEqualTo("Option 2");
            assertThat(rig.calls(TelegramRig.TOKEN, "answerCallbackQuery")).extracting(q -> q
                    .path("callback_query_id").asText()).containsExactly("q-1", "q-2", "q-3");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFlowBotGreetsShowsTypingDuringItsDelayAndTakesAClick(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            accepted(rig.flowUpdate(TelegramWebhooks.text(40000, CHAT, "hi")));
            await().atMost(WAIT).until(() -> rig.calls(TelegramRig.FLOW_TOKEN, "sendMessage").size() == 4);
            List<JsonNode> sent = rig.calls(TelegramRig.FLOW_TOKEN, "sendMessage");
            assertThat(sent).extracting(m -> m.path("text").asText()).as("the first message is the flow's first"
                    + " input: it answers the menu, which it does not match").containsExactly("Hi there!",
                    "What would you like?", "Sorry, I did not get that. Please choose one of the options.",
                    "What would you like?");
            assertThat(entity(sent.getFirst(), "bold")).isEqualTo(List.of(3, 5));
            assertThat(rig.calls(TelegramRig.FLOW_TOKEN, "sendChatAction")).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.path("action").asText()).isEqualTo("typing"))
                    .allSatisfy(a -> assertThat(a.path("chat_id").asText()).isEqualTo(String.valueOf(CHAT)));
            List<String> order = rig.telegram.calls().stream().filter(c -> c.token().equals(TelegramRig.FLOW_TOKEN))
                    .map(c -> c.method() + " " + c.body().path("text").asText()).toList();
            assertThat(order.indexOf("sendChatAction ")).as("typing while the delay runs: %s", order)
                    .isBetween(order.indexOf("sendMessage Hi there!"), order.indexOf("sendMessage What would you like?"));
            JsonNode menu = rig.telegram.sent().stream().filter(m -> m.has("reply_markup")).reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(menu.path("text").asText()).isEqualTo("What would you like?");
            JsonNode buttons = menu.path("reply_markup").path("inline_keyboard");
            assertThat(buttons.findValuesAsText("text")).containsExactly("Tea", "Coffee", "Water");

            accepted(rig.flowUpdate(TelegramWebhooks.callback(40001, CHAT, "q-flow", menu,
                    buttons.get(1).get(0).path("callback_data").asText())));
            await().atMost(WAIT).until(() -> rig.calls(TelegramRig.FLOW_TOKEN, "sendMessage").stream()
                    .anyMatch(m -> m.path("text").asText().equals("Coffee it is.")));
            assertThat(rig.calls(TelegramRig.FLOW_TOKEN, "answerCallbackQuery")).hasSize(1);
            assertThat(rig.stored("click")).extracting(c -> c.path("value").path("id").asText())
                    .containsExactly("coffee");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPhotoIsFetchedWithGetFileAndALocationAndAContactArrive(StoreKind kind) throws Exception {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            byte[] jpeg = jpeg();
            rig.telegram.addFile("AgACAgIAAxkBAAIBZ2cat-large", "photos/file_7.jpg", jpeg);
            ObjectNode photo = Json.object().put("caption", "my cat");
            photo.putArray("photo").add(Json.object().put("file_id", "AgACAgIAAxkBAAIBZ2cat-small")
                    .put("file_unique_id", "s1").put("width", 90).put("height", 90).put("file_size", 1000))
                    .add(Json.object().put("file_id", "AgACAgIAAxkBAAIBZ2cat-large").put("file_unique_id", "l1")
                            .put("width", 8).put("height", 8).put("file_size", jpeg.length));
            accepted(rig.update(TelegramWebhooks.message(50000, CHAT, photo)));
            WebhookRecorder.Call start = await().atMost(WAIT).until(() -> rig.bot.calls().stream().findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            assertThat(start.payload().path("mime_type").asText()).isEqualTo("image/jpeg");
            assertThat(start.payload().path("caption").asText()).isEqualTo("my cat");
            assertThat(start.payload().path("size").asLong()).isEqualTo(jpeg.length);
            String url = start.payload().path("url").asText();
            assertThat(url).startsWith(rig.parley.baseUrl() + "/media/");
            assertThat(rig.calls(TelegramRig.TOKEN, "getFile")).extracting(f -> f.path("file_id").asText())
                    .containsExactly("AgACAgIAAxkBAAIBZ2cat-large");

            await().atMost(WAIT).until(() -> !rig.calls(TelegramRig.TOKEN, "sendPhoto").isEmpty());
            JsonNode back = rig.calls(TelegramRig.TOKEN, "sendPhoto").getFirst();
            assertThat(back.path("photo").asText()).isEqualTo(url);
            assertThat(back.path("caption").asText()).isEqualTo("your picture");
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.body()).isEqualTo(jpeg);

            ObjectNode location = Json.object();
            location.putObject("location").put("latitude", 52.52).put("longitude", 13.405);
            accepted(rig.update(TelegramWebhooks.message(50001, CHAT, location)));
            await().atMost(WAIT).until(() -> rig.telegram.texts().contains("at 52.52,13.405"));
            ObjectNode contact = Json.object();
            contact.putObject("contact").put("phone_number", "+4915112345678").put("first_name", "Ada")
                    .put("last_name", "Lovelace");
            accepted(rig.update(TelegramWebhooks.message(50002, CHAT, contact)));
            await().atMost(WAIT).until(() -> rig.telegram.texts()
                    .contains("echo: Shared a contact: Ada Lovelace, +4915112345678"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aMissingOrWrongSecretTokenIsRefusedAndNothingIsStored(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            assertThat(rig.post("tg", "not-the-secret", TelegramWebhooks.text(60000, CHAT, "hi")).status())
                    .isEqualTo(401);
            assertThat(rig.post("tg", TelegramRig.FLOW_SECRET, TelegramWebhooks.text(60000, CHAT, "hi")).status())
                    .as("the other bot's secret").isEqualTo(401);
            assertThat(rig.http.post(rig.parley.baseUrl() + "/channels/tg/webhook", Map.of("Content-Type",
                    "application/json"), Json.write(TelegramWebhooks.text(60000, CHAT, "hi"))).status()).isEqualTo(401);
            HttpAnswer bad = rig.update(Json.object().put("update_id", "x"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("error").path("message").asText()).contains("update_id");
            assertThat(rig.http.get(rig.parley.baseUrl() + "/channels/tg/webhook?hub.mode=subscribe", Map.of())
                    .status()).isEqualTo(404);
            assertThat(rig.count("conversations")).isZero();
            assertThat(rig.count("channel_inbound")).isZero();
            assertThat(rig.bot.calls()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorsReplyFromTheConsoleReachesTelegram(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            Map<String, String> ada = OperatorLogin.as(rig.http, rig.parley.baseUrl(), "ada@example.com", "pw");
            rig.http.put(rig.parley.baseUrl() + "/api/v1/operators/me/status", ada, "{\"status\":\"online\"}");
            accepted(rig.update(TelegramWebhooks.text(70000, CHAT, "human")));
            await().atMost(WAIT).until(() -> rig.stored("conversation_forwarded").size() == 1);
            String id = rig.bot.calls().getFirst().info().path("conversation").path("id").asText();
            HttpAnswer reply = rig.http.post(rig.parley.baseUrl() + "/api/v1/conversations/" + id + "/messages", ada,
                    "{\"body\":\"Hi, Ada here.\"}");
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            await().atMost(WAIT).until(() -> rig.telegram.texts().contains("Hi, Ada here."));
            assertThat(rig.calls(TelegramRig.TOKEN, "sendMessage").getLast().path("chat_id").asText())
                    .isEqualTo(String.valueOf(CHAT));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBlockedBotIsAPermanentErrorOnTheTimeline(StoreKind kind) {
        try (TelegramRig rig = new TelegramRig(kind, temp)) {
            rig.telegram.block(CHAT);
            accepted(rig.update(TelegramWebhooks.text(80000, CHAT, "hello")));
            await().atMost(WAIT).until(() -> rig.stored("channel_error").size() == 1);
            JsonNode error = rig.stored("channel_error").getFirst();
            assertThat(error.path("code").asText()).isEqualTo("403");
            assertThat(error.path("reason").asText()).contains("bot was blocked by the user");
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.calls(TelegramRig.TOKEN, "sendMessage")).hasSize(1);
        }
    }

    private static List<JsonNode> entities(JsonNode request) {
        List<JsonNode> all = new java.util.ArrayList<>();
        request.path("entities").forEach(all::add);
        return all;
    }

    /** The offset and length of the first entity of {@code type}. */
    private static List<Integer> entity(JsonNode request, String type) {
        JsonNode e = entities(request).stream().filter(x -> x.path("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " entity in " + request));
        return List.of(e.path("offset").asInt(), e.path("length").asInt());
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
