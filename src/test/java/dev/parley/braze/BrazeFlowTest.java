package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A flow bot's {@code braze.track} in a running Parley: typed values, purchases, and the end-of-conversation event. */
class BrazeFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonHttp HTTP = new JsonHttp();

    @TempDir
    Path temp;

    private static final String FLOW = """
            id: hat-shop
            name: Hat shop
            start: ask_qty
            nodes:
              ask_qty:
                ask: "How many hats?"
                save: qty
                next: track
              track:
                action: braze.track
                with:
                  attributes:
                    - external_id: cust-7
                      vip: true
                      score: 5
                      ratio: 1.5
                      chats: { inc: 1 }
                      hats: { add: [felt] }
                      quoted: "true"
                      last_qty: "{{qty}}"
                  purchases:
                    - { external_id: cust-7, product_id: hat, currency: CHF, price: 19.9, quantity: 1 }
                    - { external_id: cust-7, product_id: hat, currency: CHF, price: "19.90", quantity: "{{qty}}" }
                on: { success: bye, error: failed }
              failed: { say: "Tracking failed", end: true }
              bye: { say: "Bye", end: true }
            """;

    private String workspace(String brazeUrl) throws IOException {
        Path flow = temp.resolve("hat-shop.yml");
        Files.writeString(flow, FLOW);
        return BrazeRig.environments(brazeUrl, 75) + """
                groups: [{ id: support, name: Support }]
                bots:
                  - { id: shopbot, name: Shop Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets:
                  - id: web
                    name: Web
                    group: support
                    braze: { after_conversation: { identify_by: [email] } }
                """.formatted(flow.toAbsolutePath());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void literalsKeepTheirYamlTypesPurchasesTakeAQuantityAndTheEndedEventNamesTheFlowById(StoreKind kind)
            throws IOException {
        try (BrazeStandIn braze = BrazeStandIn.start(BrazeRig.KEY);
                TestParley parley = TestParley.start(kind, temp.resolve("db"), workspace(braze.url()),
                        Map.of("BRAZE_KEY", BrazeRig.KEY))) {
            HttpAnswer opened = HTTP.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                    Json.write(Json.object().set("contact", Json.object().put("email", "ana@example.com"))));
            assertThat(opened.status()).isEqualTo(201);
            WebContact contact = WebContact.of(HTTP, parley.baseUrl(), opened.json().path("conversation_id").asText(),
                    opened.json().path("contact_token").asText());
            contact.awaitBotMessage("How many hats?");
            contact.say("2");
            contact.awaitBotMessage("Bye");

            await().atMost(WAIT).until(() -> braze.purchases("cust-7").size() == 2
                    && braze.tracked().stream().anyMatch(t -> t.body().has("events")));
            JsonNode attributes = braze.tracked().stream().filter(t -> t.body().has("purchases")).findFirst()
                    .orElseThrow().body().path("attributes").get(0);
            assertThat(attributes).isEqualTo(Json.parseStored("""
                    { "external_id": "cust-7", "vip": true, "score": 5, "ratio": 1.5, "chats": { "inc": 1 },
                      "hats": { "add": ["felt"] }, "quoted": "true", "last_qty": "2" }"""));
            assertThat(braze.user("cust-7")).hasValueSatisfying(u -> {
                assertThat(u.path("custom_attributes").path("chats").asLong()).isEqualTo(1);
                assertThat(u.path("custom_attributes").path("vip").isBoolean()).isTrue();
            });
            List<JsonNode> purchases = braze.purchases("cust-7");
            assertThat(purchases).extracting(p -> p.path("quantity").asText()).containsExactly("1", "2");
            assertThat(purchases).allSatisfy(p -> assertThat(p.path("quantity").isIntegralNumber()).isTrue());

            JsonNode ended = braze.tracked().stream().flatMap(t -> t.body().path("events").valueStream())
                    .filter(e -> e.path("name").asText().equals("conversation_ended")).findFirst().orElseThrow();
            assertThat(ended.path("properties").path("flow").asText()).as("the flow's id, not its file")
                    .isEqualTo("hat-shop");
        }
    }
}
