package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The website widget and a messaging channel take one inbound path: what a contact writes or uploads on either is
 * stored the same way, counts against the same quota, reaches the bot the same way, and a retry of either (same
 * {@code client_id}, same vendor message id) is stored and handed on once.
 */
class WebChannelPathTest {
    private static final String PSID = "2417219378327813";
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A stored timeline item as the path leaves it: who, what, whether the contact sees it. */
    record Stored(String authorType, String name, JsonNode payload, boolean visible) {}

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWidgetWriteAndAChannelMessageAreStoredDeDuplicatedAndHandedOnAlike(StoreKind kind) throws IOException {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            accepted(rig.messenger(text("m.1", "hello")));
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("echo: hello"));
            String onMessenger = conversationOf(rig.bot.calls().getFirst());
            WebContact web = WebContact.open(rig.http, rig.parley.baseUrl(), "web");
            await().atMost(WAIT).until(() -> !callsIn(rig, web.conversationId()).isEmpty());

            HttpAnswer first = web.write("same words", Optional.of("client-1"));
            HttpAnswer retry = web.write("same words", Optional.of("client-1"));
            assertThat(first.status()).as("%s", first).isEqualTo(202);
            assertThat(retry.status()).as("%s", retry).isEqualTo(202);
            assertThat(retry.json()).as("a retry answers the item stored first").isEqualTo(first.json());
            accepted(rig.messenger(text("m.2", "same words")));
            accepted(rig.messenger(text("m.2", "same words")));
            web.awaitBotMessage("echo: same words");
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("echo: same words"));

            List<Stored> fromWeb = from(rig, web.conversationId(), "same words");
            assertThat(fromWeb).isEqualTo(from(rig, onMessenger, "same words")).containsExactly(
                    new Stored("contact", "message", Json.object().put("body", "same words"), true),
                    new Stored("bot", "message", Json.object().put("body", "echo: same words"), true));
            WebhookRecorder.Call webCall = call(rig, web.conversationId(), "message");
            WebhookRecorder.Call messengerCall = call(rig, onMessenger, "message");
            assertThat(webCall.payload()).isEqualTo(messengerCall.payload())
                    .isEqualTo(Json.object().put("body", "same words"));
            assertThat(channelOf(webCall)).isEqualTo("web");
            assertThat(channelOf(messengerCall)).isEqualTo("facebook");
            assertThat(callsIn(rig, web.conversationId())).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "message");
            assertThat(callsIn(rig, onMessenger)).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "message");

            byte[] png = png();
            HttpAnswer upload = web.upload("dot.png", "image/png", png);
            assertThat(upload.status()).as("%s", upload).isEqualTo(202);
            ObjectNode image = Json.object().put("mid", "m.3");
            image.putArray("attachments").addObject().put("type", "image").putObject("payload")
                    .put("url", rig.messenger.graph().serveFile("t39/dot.png", png, "image/png"));
            accepted(rig.messenger(MetaWebhooks.messenger(PSID, "message", image)));
            await().atMost(WAIT).until(() -> callsIn(rig, web.conversationId()).size() == 3
                    && callsIn(rig, onMessenger).size() == 3);
            for (String conversation : List.of(web.conversationId(), onMessenger)) {
                JsonNode media = call(rig, conversation, "media").payload();
                assertThat(media.path("mime_type").asText()).isEqualTo("image/png");
                assertThat(media.path("size").asLong()).isEqualTo(png.length);
                assertThat(mediaBytes(rig, conversation)).as("the file counts against the quota of %s",
                        conversation).isEqualTo(png.length);
            }
        }
    }

    /** The conversation's items from the contact's {@code body} on, oldest first. */
    private static List<Stored> from(ChannelRig rig, String conversationId, String body) {
        List<Stored> all = rig.parley.parley().database().read(h -> h.createQuery("""
                        SELECT author_type, packet_name, payload, visible_to_contact FROM timeline
                        WHERE conversation_id = :c ORDER BY seq""").bind("c", conversationId)
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), Json.parseStoredObject(rs.getString(3)),
                        rs.getBoolean(4))).list());
        int at = 0;
        while (at < all.size() && !all.get(at).payload().path("body").asText().equals(body)) {
            at++;
        }
        return all.subList(at, all.size());
    }

    private static long mediaBytes(ChannelRig rig, String conversationId) {
        return rig.parley.parley().database().read(h -> h.createQuery(
                "SELECT bytes FROM conversation_media_usage WHERE conversation_id = :c").bind("c", conversationId)
                .mapTo(Long.class).one());
    }

    /** The one bot event named {@code name} of the conversation. */
    private static WebhookRecorder.Call call(ChannelRig rig, String conversationId, String name) {
        return callsIn(rig, conversationId).stream().filter(c -> c.packetName().equals(name))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + name + " event in " + conversationId);
                }).orElseThrow();
    }

    private static String channelOf(WebhookRecorder.Call call) {
        return call.info().path("conversation").path("contact_channel").path("type").asText();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 2, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String conversationOf(WebhookRecorder.Call call) {
        return call.info().path("conversation").path("id").asText();
    }

    private static List<WebhookRecorder.Call> callsIn(ChannelRig rig, String conversationId) {
        return rig.bot.calls().stream().filter(c -> conversationOf(c).equals(conversationId)).toList();
    }

    private static ObjectNode text(String mid, String body) {
        return MetaWebhooks.messenger(PSID, "message", Json.object().put("mid", mid).put("text", body));
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }
}
