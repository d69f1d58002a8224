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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The website widget and a messaging channel take one inbound path: what a contact writes on either is stored the
 * same way, reaches the bot the same way, and a retry of either is stored once.
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
    void aWidgetWriteAndAChannelWriteOfTheSameTextAreStoredAndHandedOnAlike(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            accepted(rig.messenger(text("m.1", "hello")));
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("echo: hello"));
            String onMessenger = conversationOf(rig.bot.calls().getFirst());
            WebContact web = WebContact.open(rig.http, rig.parley.baseUrl(), "web");
            await().atMost(WAIT).until(() -> !callsIn(rig, web.conversationId()).isEmpty());

            assertThat(web.write("same words").status()).isEqualTo(202);
            accepted(rig.messenger(text("m.2", "same words")));
            web.awaitBotMessage("echo: same words");
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("echo: same words"));

            List<Stored> fromWeb = from(rig, web.conversationId(), "same words");
            List<Stored> fromMessenger = from(rig, onMessenger, "same words");
            assertThat(fromWeb).hasSize(2).isEqualTo(fromMessenger);
            assertThat(fromWeb.getFirst()).isEqualTo(new Stored("contact", "message",
                    Json.object().put("body", "same words"), true));
            WebhookRecorder.Call webCall = call(rig, web.conversationId(), "same words");
            WebhookRecorder.Call messengerCall = call(rig, onMessenger, "same words");
            assertThat(webCall.packetName()).isEqualTo("message").isEqualTo(messengerCall.packetName());
            assertThat(webCall.payload()).isEqualTo(messengerCall.payload());
            assertThat(webCall.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("web");
            assertThat(messengerCall.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("facebook");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRetriedWidgetWriteAndARetriedChannelMessageAreEachStoredAndHandedOnOnce(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            WebContact web = WebContact.open(rig.http, rig.parley.baseUrl(), "web");
            HttpAnswer first = web.write("once please", Optional.of("client-1"));
            HttpAnswer retry = web.write("once please", Optional.of("client-1"));
            assertThat(first.status()).as("%s", first).isEqualTo(202);
            assertThat(retry.status()).as("%s", retry).isEqualTo(202);
            assertThat(retry.json()).isEqualTo(first.json());
            accepted(rig.messenger(text("m.9", "once please")));
            accepted(rig.messenger(text("m.9", "once please")));

            web.awaitBotMessage("echo: once please");
            await().atMost(WAIT).until(() -> rig.messengerTexts().contains("echo: once please"));
            String onMessenger = rig.bot.calls().stream().map(WebChannelPathTest::conversationOf)
                    .filter(c -> !c.equals(web.conversationId())).findFirst().orElseThrow();
            assertThat(written(rig, web.conversationId(), "once please")).isEqualTo(1);
            assertThat(written(rig, onMessenger, "once please")).isEqualTo(1);
            assertThat(callsIn(rig, web.conversationId())).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start", "message");
            assertThat(callsIn(rig, onMessenger)).extracting(WebhookRecorder.Call::packetName)
                    .containsExactly("start");
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
        return all.subList(at, all.size()).stream().filter(s -> !s.name().equals("typing")).toList();
    }

    private static int written(ChannelRig rig, String conversationId, String body) {
        return (int) rig.parley.parley().database().read(h -> h.createQuery("""
                        SELECT payload FROM timeline WHERE conversation_id = :c AND author_type = 'contact'""")
                .bind("c", conversationId).mapTo(String.class).list()).stream()
                .filter(p -> Json.parseStoredObject(p).path("body").asText().equals(body)).count();
    }

    private static WebhookRecorder.Call call(ChannelRig rig, String conversationId, String body) {
        return callsIn(rig, conversationId).stream()
                .filter(c -> c.payload().path("body").asText().equals(body)).findFirst().orElseThrow();
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
