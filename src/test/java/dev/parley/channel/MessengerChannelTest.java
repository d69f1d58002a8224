package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Messenger end to end: signed page webhooks in, a real bot, the Send API stand-in out. */
class MessengerChannelTest {
    private static final String PSID = "2417219378327812";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void choicesRenderAsButtonTemplateQuickRepliesAndNumberedTextAndClicksMapBack(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            accepted(rig.messenger(text("m.1", "choices 3")));
            await().atMost(WAIT).until(() -> rig.messenger.messages().size() == 1);
            JsonNode template = rig.messenger.messages().getFirst();
            assertThat(template.path("recipient").path("id").asText()).isEqualTo(PSID);
            JsonNode payload = template.path("message").path("attachment").path("payload");
            assertThat(payload.path("template_type").asText()).isEqualTo("button");
            assertThat(payload.path("buttons").findValuesAsText("title"))
                    .containsExactly("Option 1", "Option 2", "Option 3");
            WebhookRecorder.Call start = rig.bot.calls().getFirst();
            assertThat(start.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("facebook");
            assertThat(start.payload().path("body").asText()).isEqualTo("choices 3");

            String token = payload.path("buttons").get(2).path("payload").asText();
            accepted(rig.messenger(MetaWebhooks.messenger(PSID, "postback", Json.object().put("mid", "m.2")
                    .put("title", "Option 3").put("payload", token))));
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("clicked opt-3"));
            accepted(rig.messenger(MetaWebhooks.messenger(PSID, "postback", Json.object().put("mid", "m.3")
                    .put("title", "Option 3").put("payload", token))));
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("echo: Option 3"));

            accepted(rig.messenger(text("m.4", "choices 7")));
            await().atMost(WAIT).until(() -> rig.messenger.messages().size() == 4);
            JsonNode quick = rig.messenger.messages().get(3).path("message");
            assertThat(quick.path("quick_replies")).hasSize(7);
            String seventh = quick.path("quick_replies").get(6).path("payload").asText();
            ObjectNode reply = Json.object().put("mid", "m.5").put("text", "Option 7");
            reply.putObject("quick_reply").put("payload", seventh);
            accepted(rig.messenger(MetaWebhooks.messenger(PSID, "message", reply)));
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("clicked opt-7"));

            accepted(rig.messenger(text("m.6", "choices 14")));
            await().atMost(WAIT).until(() -> rig.messengerTexts().stream().anyMatch(t -> t.contains("14. Option 14")));
            assertThat(rig.messenger.messages().getLast().path("message").has("quick_replies")).isFalse();
            assertThat(rig.bot.calls()).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "click", "message", "message", "click", "message");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anImageAttachmentIsStoredAndReachesTheBot(StoreKind kind) throws IOException, InterruptedException {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            byte[] jpeg = jpeg();
            String cdn = rig.messenger.graph().serveFile("t39.1997-6/cat.jpg", jpeg, "image/jpeg");
            ObjectNode message = Json.object().put("mid", "m.img1");
            message.putArray("attachments").addObject().put("type", "image").putObject("payload").put("url", cdn);
            accepted(rig.messenger(MetaWebhooks.messenger(PSID, "message", message)));
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("got image/jpeg"));

            WebhookRecorder.Call start = rig.bot.calls().getFirst();
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(start.payload().path("mime_type").asText()).isEqualTo("image/jpeg");
            assertThat(start.payload().path("size").asLong()).isEqualTo(jpeg.length);
            String url = start.payload().path("url").asText();
            assertThat(url).startsWith(rig.parley.baseUrl() + "/media/").doesNotContain(cdn);
            HttpResponse<byte[]> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(stored.body()).isEqualTo(jpeg);
            assertThat(rig.stored("media")).extracting(m -> m.path("url").asText()).contains(url);
        }
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static ObjectNode text(String mid, String body) {
        return MetaWebhooks.messenger(PSID, "message", Json.object().put("mid", mid).put("text", body));
    }

    private static void accepted(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }
}
