package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example flows of examples/flows, driven as a contact through the web API against a Braze stand-in. */
class ExampleFlowsTest {
    static final String KEY = "braze-sandbox-key";

    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    private static String workspace(String flow, String brazeUrl, String ordersUrl) {
        return """
                groups: [{ id: support, name: Support }]
                environments:
                  sandbox: { braze: { url: "%s", api_key_env: BRAZE_KEY }, orders_url: "%s" }
                bots:
                  - { id: flowbot, name: Flow Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(brazeUrl, ordersUrl, Path.of("examples/flows", flow).toAbsolutePath());
    }

    private WebContact open(TestParley parley, String email) {
        HttpAnswer opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                Json.write(Json.object().set("contact", Json.object().put("email", email))));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        return WebContact.of(http, parley.baseUrl(), opened.json().path("conversation_id").asText(),
                opened.json().path("contact_token").asText());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void leadCaptureRecordsTheLeadInBraze(StoreKind kind) {
        try (BrazeStandIn braze = BrazeStandIn.start(KEY);
                TestParley parley = TestParley.start(kind, temp, workspace("lead-capture.yml", braze.url(),
                        "http://127.0.0.1:9"), Map.of("BRAZE_KEY", KEY))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            JsonNode hello = contact.awaitItem("hello", Items.fromBot("button_template"));
            contact.click(hello.path("id").asText(), "sure");
            contact.awaitBotMessage("What is your first name?");
            contact.say("Ada");
            contact.awaitBotMessage("Thanks, Ada. And your last name?");
            contact.say("Lovelace");
            contact.awaitBotMessage("What is your e-mail address?");
            contact.say("ada@example.com");
            contact.awaitBotMessage("What is your date of birth (DD.MM.YYYY)?");
            contact.say("31.02.1990");
            contact.awaitBotMessage("Please write it like 31.12.1990.");
            contact.say("10.12.1990");
            contact.awaitBotMessage("Which city do you live in?");
            contact.say("London");
            contact.awaitItem("os", Items.fromBot("list_template"));
            contact.say("mac");
            contact.awaitBotMessage("Thank you, Ada! We will be in touch.");

            await("lead in Braze").atMost(Duration.ofSeconds(30)).until(() -> !braze.tracked().isEmpty());
            JsonNode body = braze.tracked().getFirst().body();
            JsonNode attributes = body.path("attributes").get(0);
            assertThat(attributes.path("email").asText()).isEqualTo("ada@example.com");
            assertThat(attributes.path("first_name").asText()).isEqualTo("Ada");
            assertThat(attributes.path("last_name").asText()).isEqualTo("Lovelace");
            assertThat(attributes.path("dob").asText()).isEqualTo("1990-12-10");
            assertThat(attributes.path("home_city").asText()).isEqualTo("London");
            assertThat(attributes.path("operating_system").asText()).isEqualTo("macos");
            JsonNode event = body.path("events").get(0);
            assertThat(event.path("name").asText()).isEqualTo("lead_captured");
            assertThat(event.path("properties").path("channel").asText()).isEqualTo("web");
            assertThat(OffsetDateTime.parse(event.path("time").asText())).isNotNull();
            assertThat(braze.tracked().getFirst().headers().get("authorization")).isEqualTo("Bearer " + KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theShopAssistantLooksAnOrderUpAndTracksIt(StoreKind kind) throws Exception {
        HttpServer orders = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        orders.createContext("/orders/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().endsWith("/123456");
            byte[] body = (known ? "{\"id\": \"123456\", \"status\": \"shipped\"}" : "{\"error\": \"no such order\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        orders.start();
        String ordersUrl = "http://127.0.0.1:" + orders.getAddress().getPort();
        try (BrazeStandIn braze = BrazeStandIn.start(KEY);
                TestParley parley = TestParley.start(kind, temp, workspace("shop.yml", braze.url(), ordersUrl),
                        Map.of("BRAZE_KEY", KEY))) {
            WebContact contact = open(parley, "grace@example.com");
            JsonNode welcome = contact.awaitItem("welcome", Items.fromBot("bubbles"));
            contact.click(welcome.path("id").asText(), "status");
            contact.awaitBotMessage("What is your order number?");
            contact.say("12");
            contact.awaitBotMessage("An order number has 6 digits.");
            contact.say("123456");
            contact.awaitBotMessage("Your order is shipped.");
            contact.awaitBotMessage("Anything else I can do?");
            await("event in Braze").atMost(Duration.ofSeconds(30)).until(() -> !braze.tracked().isEmpty());
            JsonNode event = braze.tracked().getFirst().body().path("events").get(0);
            assertThat(event.path("external_id").asText()).isEqualTo("grace@example.com");
            assertThat(event.path("name").asText()).isEqualTo("order_status_checked");
            assertThat(event.path("properties").path("order_id").asText()).isEqualTo("123456");
            assertThat(contact.transcript().stream().anyMatch(i -> i.path("packet").path("name").asText()
                    .equals("flow_log"))).as("admin lines stay off the contact's transcript").isFalse();
        } finally {
            orders.stop(0);
        }
    }
}
