package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A widget's {@code braze.page_tags}: web page tags posted by contacts reach Braze as custom events, once
 * each, with their own time — at once for a contact Braze can name, later for one who gets an identifier
 * during the conversation.
 */
class PageTagForwardingTest {
    private static final JsonHttp HTTP = new JsonHttp();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, String> ENV = Map.of("BRAZE_KEY", BrazeRig.KEY, "TOKEN", "bee-token");

    @TempDir
    Path temp;

    private static String yaml(String brazeUrl, String botUrl) {
        return BrazeRig.environments(brazeUrl, 75) + """
                groups: [{ id: support, name: Support }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s",
                      api_token_env: TOKEN }
                widgets:
                  - id: shop
                    name: Shop
                    group: support
                    braze:
                      page_tags:
                        identify_by: [external_id, email]
                        only: [pricing_viewed, cart_abandoned]
                  - id: blog
                    name: Blog
                    group: support
                    braze:
                      page_tags: { event: page_tag }
                  - { id: quiet, name: Quiet, group: support }
                """.formatted(botUrl);
    }

    /** A contact's conversation as the contact (web API) and as the bot (its session id) reach it. */
    private record Chat(WebContact contact, String contactId, String cid) {}

    private record Running(TestParley parley, WebhookRecorder bot, BrazeStandIn braze, MutableClock clock)
            implements AutoCloseable {
        static Running start(StoreKind kind, Path temp) {
            BrazeStandIn braze = BrazeStandIn.start(BrazeRig.KEY);
            WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
            MutableClock clock = new MutableClock();
            return new Running(TestParley.start(kind, temp, yaml(braze.url(), bot.url()), ENV, clock), bot, braze,
                    clock);
        }

        /** Opens a conversation on {@code widget} with this open request body, once the bot has it. */
        Chat open(String widget, String body) {
            int before = bot.calls().size();
            HttpAnswer opened = HTTP.post(parley.baseUrl() + "/api/web/v1/widgets/" + widget + "/conversations",
                    Map.of(), body);
            assertThat(opened.status()).as("%s", opened).isEqualTo(201);
            await().atMost(WAIT).until(() -> bot.calls().size() > before);
            return new Chat(WebContact.of(HTTP, parley.baseUrl(), opened.json().path("conversation_id").asText(),
                    opened.json().path("contact_token").asText()), opened.json().path("contact_id").asText(),
                    bot.calls().get(before).cid());
        }

        void tag(Chat chat, String tag, String properties) {
            HttpAnswer answer = HTTP.post(chat.contact().url("/events"), chat.contact().auth(),
                    "{\"name\":\"page_tag\",\"tag\":\"" + tag + "\",\"properties\":" + properties + "}");
            assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        }

        void bot(Chat chat, String name, String payload) {
            HttpAnswer answer = HTTP.post(parley.baseUrl() + "/api/chatbot/v1/bots/b/events",
                    Map.of("SECURITY-TOKEN", "bee-token"), "[{\"info\":{\"cid\":\"" + chat.cid()
                            + "\"},\"packet\":{\"name\":\"" + name + "\",\"payload\":" + payload + "}}]");
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        }

        /** Every custom event Braze took so far, in the order it took them. */
        List<JsonNode> events() {
            return braze.tracked().stream().flatMap(t -> StreamSupport.stream(t.body().path("events").spliterator(),
                    false)).toList();
        }

        List<JsonNode> awaitEvents(int count) {
            await().atMost(WAIT).until(() -> events().size() >= count);
            return events();
        }

        /** When the contact's latest tag of this name was kept ({@code contact.page_tags.<tag>.at}). */
        Instant taggedAt(Chat chat, String tag) {
            String tags = parley.parley().database().read(h -> h.createQuery(
                    "SELECT page_tags FROM contacts WHERE id = :id").bind("id", chat.contactId())
                    .mapTo(String.class).one());
            return Instant.parse(Json.parseStored(tags).path(tag).path("at").asText());
        }

        long waitingTags() {
            return parley.parley().database().read(h -> h.createQuery("SELECT COUNT(*) FROM braze_page_tags")
                    .mapTo(Long.class).one());
        }

        @Override
        public void close() {
            parley.close();
            bot.close();
            braze.close();
        }
    }

    private static void assertSentAt(JsonNode event, Instant taggedAt) {
        assertThat(Instant.parse(event.path("time").asText())).isEqualTo(taggedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void tagsOfAContactWithAnIdentifierGoAtOnceWithNameTimeAndPropertiesExceptThoseNotListed(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            Chat ana = r.open("shop", "{\"contact\":{\"email\":\"ana@example.com\"},"
                    + "\"page_tags\":{\"pricing_viewed\":{\"plan\":\"basic\"},\"newsletter\":null}}");
            Instant openedWith = r.taggedAt(ana, "pricing_viewed");
            r.tag(ana, "blog_read", "{\"post\":\"spring\"}");
            r.tag(ana, "cart_abandoned", "{\"items\":3,\"total\":49.5}");

            List<JsonNode> events = r.awaitEvents(2);
            assertThat(events).extracting(e -> e.path("name").asText())
                    .containsExactly("pricing_viewed", "cart_abandoned");
            assertThat(events).allSatisfy(e -> assertThat(e.path("email").asText()).isEqualTo("ana@example.com"));
            assertThat(properties(events.get(0))).isEqualTo(Json.parseStored("{\"plan\":\"basic\"}"));
            assertThat(properties(events.get(1))).isEqualTo(Json.parseStored("{\"items\":3,\"total\":49.5}"));
            assertSentAt(events.get(0), openedWith);
            assertSentAt(events.get(1), r.taggedAt(ana, "cart_abandoned"));

            r.bot(ana, "end", "{}");
            r.tag(ana, "cart_abandoned", "{\"items\":4}");
            List<JsonNode> all = r.awaitEvents(3);
            assertThat(all).as("nothing goes twice, the end sends nothing more, a tag after the end still goes")
                    .extracting(e -> e.path("name").asText() + properties(e))
                    .containsExactly("pricing_viewed{\"plan\":\"basic\"}", "cart_abandoned{\"items\":3,\"total\":49.5}",
                            "cart_abandoned{\"items\":4}");
            assertThat(r.waitingTags()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anAnonymousContactsTagsGoWithTheirOwnTimeWhenTheConversationEndsAfterTheContactGaveAnEmail(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            Chat visitor = r.open("shop", "{\"contact\":{}}");
            r.tag(visitor, "pricing_viewed", "{\"plan\":\"pro\"}");
            Instant tagged = r.taggedAt(visitor, "pricing_viewed");
            assertThat(r.waitingTags()).as("kept until the contact can be named").isOne();

            r.clock().advance(Duration.ofHours(1));
            r.bot(visitor, "contact_update", "{\"email\":\"ben@example.com\"}");
            r.bot(visitor, "end", "{}");

            JsonNode event = r.awaitEvents(1).getFirst();
            assertThat(event.path("name").asText()).isEqualTo("pricing_viewed");
            assertThat(event.path("email").asText()).isEqualTo("ben@example.com");
            assertThat(properties(event)).isEqualTo(Json.parseStored("{\"plan\":\"pro\"}"));
            assertSentAt(event, tagged);
            assertThat(r.waitingTags()).isZero();

            r.tag(visitor, "cart_abandoned", "{}");
            assertThat(r.awaitEvents(2)).as("the end sent the waiting tag once; the next tag alone follows")
                    .extracting(e -> e.path("name").asText()).containsExactly("pricing_viewed", "cart_abandoned");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void waitingTagsGoWithTheFirstTagAfterTheContactGotAnIdentifier(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            Chat visitor = r.open("shop", "{\"contact\":{}}");
            r.tag(visitor, "pricing_viewed", "{\"plan\":\"pro\"}");
            Instant first = r.taggedAt(visitor, "pricing_viewed");
            r.bot(visitor, "contact_update", "{\"external_customer_id\":\"cust-7\",\"email\":\"cy@example.com\"}");
            r.clock().advance(Duration.ofMinutes(5));
            r.tag(visitor, "cart_abandoned", "{\"items\":1}");

            List<JsonNode> events = r.awaitEvents(2);
            assertThat(events).extracting(e -> e.path("name").asText())
                    .containsExactly("pricing_viewed", "cart_abandoned");
            assertThat(events).allSatisfy(e -> assertThat(e.path("external_id").asText()).isEqualTo("cust-7"));
            assertSentAt(events.get(0), first);
            assertSentAt(events.get(1), r.taggedAt(visitor, "cart_abandoned"));

            r.bot(visitor, "end", "{}");
            r.tag(visitor, "pricing_viewed", "{\"plan\":\"team\"}");
            assertThat(r.awaitEvents(3)).extracting(e -> e.path("properties").path("plan").asText(""))
                    .containsExactly("pro", "", "team");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void nothingGoesForAWidgetWithoutTheOptionNorForAContactWhoNeverGetsAnIdentifier(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            Chat known = r.open("quiet", "{\"contact\":{\"email\":\"dee@example.com\"}}");
            r.tag(known, "pricing_viewed", "{\"plan\":\"pro\"}");
            Chat visitor = r.open("shop", "{\"contact\":{}}");
            r.tag(visitor, "pricing_viewed", "{\"plan\":\"pro\"}");
            r.bot(visitor, "end", "{}");
            await().atMost(WAIT).until(() -> r.waitingTags() == 0);

            Chat reader = r.open("blog", "{\"contact\":{\"email\":\"eve@example.com\"}}");
            r.tag(reader, "post_read", "{\"post\":\"spring\",\"tag\":\"overwritten\"}");
            JsonNode only = r.awaitEvents(1).getFirst();
            assertThat(only.path("name").asText()).as("the blog widget's one event name").isEqualTo("page_tag");
            assertThat(only.path("email").asText()).isEqualTo("eve@example.com");
            assertThat(properties(only)).isEqualTo(Json.parseStored(
                    "{\"post\":\"spring\",\"tag\":\"post_read\"}"));
            assertThat(r.events()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aTagBrazeWouldRefuseIsStillKeptOnTheContactAndTheOthersGo(StoreKind kind) {
        try (Running r = Running.start(kind, temp)) {
            Chat ana = r.open("blog", "{\"contact\":{\"email\":\"ana@example.com\"}}");
            r.tag(ana, "checkout", "{\"time\":\"yesterday\"}");
            r.tag(ana, "pricing_viewed", "{\"plan\":\"pro\"}");

            assertThat(r.awaitEvents(1)).as("the refused tag was never queued, so it cannot come first")
                    .extracting(e -> e.path("properties").path("tag").asText()).containsExactly("pricing_viewed");
            assertThat(r.taggedAt(ana, "checkout")).isNotNull();
            assertThat(r.waitingTags()).isZero();
        }
    }

    /** The event's properties but its {@code event_id}, which every event has, each its own. */
    private static JsonNode properties(JsonNode event) {
        assertThat(event.path("properties").path("event_id").asText()).startsWith("evt_");
        ObjectNode properties = event.path("properties").deepCopy();
        properties.remove("event_id");
        return properties;
    }
}
