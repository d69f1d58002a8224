package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.MessengerStandIn;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.json.Json;
import dev.parley.media.RawHttp;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Files an operator sends reach a Messenger contact as attachments Meta takes and can download. */
class MessengerAttachmentTest {
    private static final String PSID = "2417219378327814";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorsImageReachesTheMessengerContactAsAnImageAttachment(StoreKind kind) throws IOException {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            Map<String, String> ada = OperatorLogin.as(rig.http, rig.parley.baseUrl(), "ada@example.com", "pw");
            rig.http.put(rig.parley.baseUrl() + "/api/v1/operators/me/status", ada, "{\"status\":\"online\"}");
            HttpAnswer human = rig.messenger(MetaWebhooks.messenger(PSID, "message",
                    Json.object().put("mid", "m.h1").put("text", "human")));
            assertThat(human.status()).as("%s", human).isEqualTo(200);
            await().atMost(WAIT).until(() -> rig.stored("conversation_forwarded").size() == 1);
            assertThat(rig.stored("conversation_forwarded").getFirst().path("to").path("id").asText())
                    .as("the online operator is given the conversation").isEqualTo("ada");
            String id = rig.bot.calls().getFirst().info().path("conversation").path("id").asText();

            byte[] png = png();
            HttpAnswer sent = RawHttp.post(rig.parley.baseUrl() + "/api/v1/conversations/" + id + "/media", ada,
                    List.of(RawHttp.Part.file("chart.png", "image/png", png), RawHttp.Part.field("caption",
                            "Here is the chart")));
            assertThat(sent.status()).as("%s", sent).isEqualTo(201);

            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("Here is the chart"));
            JsonNode image = rig.messenger.messages().stream()
                    .filter(m -> m.path("message").has("attachment")).findFirst().orElseThrow();
            assertThat(image.path("recipient").path("id").asText()).isEqualTo(PSID);
            JsonNode attachment = image.path("message").path("attachment");
            assertThat(attachment.path("type").asText()).isEqualTo("image");
            assertThat(attachment.path("payload").path("url").asText()).startsWith(rig.parley.baseUrl() + "/media/");
            assertThat(rig.messenger.fetched()).singleElement().satisfies(file -> {
                assertThat(file.bytes()).isEqualTo(png);
                assertThat(file.contentType()).startsWith("image/png");
            });
            List<JsonNode> messages = rig.messenger.messages();
            JsonNode caption = messages.stream().filter(m -> m.path("message").path("text").asText()
                    .equals("Here is the chart")).findFirst().orElseThrow();
            assertThat(messages.indexOf(image)).as("the file before its caption").isLessThan(messages.indexOf(caption));
        }
    }

    @Test
    void theStandInRefusesAttachmentsMetaRefuses() {
        try (MessengerStandIn meta = MessengerStandIn.start("page-token")) {
            JsonHttp http = new JsonHttp();
            String url = meta.graph().baseUrl() + "/me/messages";
            Map<String, String> auth = Map.of("Authorization", "Bearer page-token", "Content-Type",
                    "application/json");
            String file = meta.graph().serveFile("f/a.png", new byte[] {1, 2, 3}, "image/png");

            assertThat(http.post(url, auth, attachment("image", file, Optional.of(Json.object().booleanNode(true))).toString())
                    .status()).isEqualTo(200);
            assertRefused(http.post(url, auth, attachment("sticker", file, Optional.empty()).toString()), "attachment.type");
            assertRefused(http.post(url, auth, attachment("image", "http://example.com/a.png", Optional.empty()).toString()),
                    "payload.url");
            assertRefused(http.post(url, auth, attachment("image", "ftp://127.0.0.1/a.png", Optional.empty()).toString()),
                    "payload.url");
            assertRefused(http.post(url, auth, attachment("image", file, Optional.of(Json.object().textNode("yes"))).toString()),
                    "is_reusable");
            HttpAnswer missing = http.post(url, auth, attachment("image", file.replace("a.png", "gone.png"), Optional.empty())
                    .toString());
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().path("error").path("error_subcode").asInt()).isEqualTo(2018008);
            assertThat(meta.fetched()).hasSize(1);
        }
    }

    private static ObjectNode attachment(String type, String url, Optional<JsonNode> reusable) {
        ObjectNode body = Json.object().put("messaging_type", "RESPONSE");
        body.putObject("recipient").put("id", PSID);
        ObjectNode payload = body.putObject("message").putObject("attachment").put("type", type)
                .putObject("payload").put("url", url);
        reusable.ifPresent(r -> payload.set("is_reusable", r));
        return body;
    }

    private static void assertRefused(HttpAnswer answer, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.json().path("error").path("code").asInt()).isEqualTo(100);
        assertThat(answer.json().path("error").path("message").asText()).contains(field);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
