package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.app.Parley;
import dev.parley.channel.ChannelType;
import dev.parley.json.Json;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one opener: a messaging contact's first message is stored and rides in the bot's {@code start}. */
class ConversationOpenerTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theContactsFirstMessageRidesInStartAndIsNotSentTwice(StoreKind kind) {
        String yaml = """
                groups: [{ id: support, name: Support }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                widgets:
                  - { id: web, name: Web, group: support, chatbot_assignment: true }
                """;
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(kind, temp, yaml.formatted(bot.url()), Map.of())) {
            Parley app = parley.parley();
            Conversation conv = app.database().write(tx -> {
                Widget widget = new WorkspaceStore().openWidget(tx.handle(), "web").orElseThrow();
                Contact contact = new Contact("ct_wa1", Optional.empty(), Optional.empty(),
                        Optional.of("+4915112345678"), Optional.empty(), Optional.empty(), Json.object(),
                        Json.object(), Json.object(), Instant.now());
                new ContactStore().insert(tx, contact);
                return app.opener().open(tx, new ConversationOpener.Opening(widget, ChannelType.WHATSAPP, contact,
                        Optional.empty(), false, Map.of(), new ConversationOpener.First.FromContact(
                                new ChatPacket.Start(Optional.of("start"), Optional.empty())),
                        new ConversationOpener.Handling.Route(false)), Instant.now());
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> !bot.calls().isEmpty() && parley.drained());

            assertThat(bot.calls()).hasSize(1);
            WebhookRecorder.Call start = bot.calls().getFirst();
            assertThat(start.packetName()).isEqualTo("start");
            assertThat(Json.write(start.payload())).isEqualTo("{\"body\":\"start\"}");
            assertThat(start.info().path("conversation").path("contact_channel").path("type").asText())
                    .isEqualTo("whatsapp_business");
            List<JsonNode> timeline = app.database().read(h -> h.createQuery(
                    "SELECT author_type, packet_name, payload FROM timeline WHERE conversation_id = :c ORDER BY seq")
                    .bind("c", conv.id()).map((rs, ctx) -> (JsonNode) Json.object()
                            .put("author", rs.getString("author_type")).put("name", rs.getString("packet_name"))
                            .put("payload", rs.getString("payload"))).list());
            assertThat(timeline).first().isEqualTo(Json.object().put("author", "contact").put("name", "message")
                    .put("payload", "{\"body\":\"start\"}"));
        }
    }
}
