package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A flow bot that routes the contact's free text by intent, in English and German, on the web channel. */
class IntentFlowTest {

    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();
    final List<String> deliveries = new CopyOnWriteArrayList<>();

    private String workspace(String ordersUrl) throws IOException {
        Path flow = temp.resolve("helpdesk.yml");
        try (var in = IntentFlowTest.class.getResourceAsStream("/flows/helpdesk-intents.yml")) {
            Files.write(flow, in.readAllBytes());
        }
        return """
                groups: [{ id: support, name: Support }]
                environments:
                  sandbox: { orders_url: "%s" }
                bots:
                  - { id: helpdesk, name: Helpdesk, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(ordersUrl, flow.toString().replace("\\", "/"));
    }

    private HttpServer orders() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/orders/", exchange -> {
            deliveries.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"scheduled\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private WebContact open(TestParley parley, String locale) {
        var opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                "{\"contact\": {\"locale\": \"" + locale + "\"}}");
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        return WebContact.of(http, parley.baseUrl(), opened.json().path("conversation_id").asText(),
                opened.json().path("contact_token").asText());
    }

    private List<String> flowLog(TestParley parley, WebContact contact) {
        return parley.parley().database().read(h -> h.createQuery("""
                SELECT payload FROM timeline WHERE conversation_id = :id AND packet_name = 'flow_log' ORDER BY seq""")
                .bind("id", contact.conversationId()).mapTo(String.class).list()).stream()
                .map(payload -> Json.parseStored(payload).path("message").asText()).toList();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void freeTextRoutesByIntentAndTheGlobalHumanIntentForwardsFromAnyNode(StoreKind kind) throws Exception {
        HttpServer orders = orders();
        try (TestParley parley = TestParley.start(kind, temp, workspace("http://127.0.0.1:"
                + orders.getAddress().getPort()), Map.of())) {
            WebContact contact = open(parley, "en");
            contact.awaitBotMessage("How can I help?");
            contact.say("my parcel still hasn't arrived, where is it?");
            contact.awaitBotMessage("What is your order number?");
            contact.say("I'd rather talk to a real person");
            contact.awaitBotMessage("Let me find a colleague.");
            contact.awaitBotMessage("Nobody is free right now.");

            List<String> log = flowLog(parley, contact);
            assertThat(log.get(0)).startsWith("intent order_status ").contains("runner-up ").endsWith("[en]");
            assertThat(log.get(1)).startsWith("intent human ").contains("(global)");
            JsonNode said = contact.transcript().stream().filter(Items.fromContact("message")).toList().get(1);
            assertThat(Items.bodyOf(said)).as("the contact's text is kept as written")
                    .isEqualTo("I'd rather talk to a real person");
        } finally {
            orders.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aTextWithoutARecognisedIntentIsAskedAgain(StoreKind kind) throws Exception {
        HttpServer orders = orders();
        try (TestParley parley = TestParley.start(kind, temp, workspace("http://127.0.0.1:"
                + orders.getAddress().getPort()), Map.of())) {
            WebContact contact = open(parley, "en");
            contact.awaitBotMessage("How can I help?");
            contact.say("qwertz zxcvb");
            contact.awaitBotMessage("Sorry, I did not understand that.");
            await().atMost(Duration.ofSeconds(10)).until(() -> contact.transcript().stream()
                    .filter(Items.body("How can I help?")).count() == 2);
            assertThat(flowLog(parley, contact).getFirst()).startsWith("no intent: best ").contains("threshold 60%");
        } finally {
            orders.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOrderNumberAndADateAreSavedFromTheTextAndSentByTheHttpAction(StoreKind kind) throws Exception {
        HttpServer orders = orders();
        try (TestParley parley = TestParley.start(kind, temp, workspace("http://127.0.0.1:"
                + orders.getAddress().getPort()), Map.of())) {
            WebContact contact = open(parley, "en");
            contact.awaitBotMessage("How can I help?");
            contact.say("can you deliver my order later, another day?");
            contact.awaitBotMessage("Which order, and when should we deliver it?");
            contact.say("next week sometime");
            contact.awaitBotMessage("Please give the 6-digit order number and a day.");
            String tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1).toString();
            contact.say("order 482913, tomorrow please");
            contact.awaitBotMessage("Done: order 482913 comes on " + tomorrow + ".");
            assertThat(deliveries).containsExactly("POST /orders/482913/delivery {\"date\":\"" + tomorrow + "\"}");
        } finally {
            orders.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void germanAndEnglishExamplesRouteByTheConversationsLocale(StoreKind kind) throws Exception {
        HttpServer orders = orders();
        try (TestParley parley = TestParley.start(kind, temp, workspace("http://127.0.0.1:"
                + orders.getAddress().getPort()), Map.of())) {
            WebContact german = open(parley, "de-DE");
            german.awaitBotMessage("How can I help?");
            german.say("Wo bleibt meine Bestellung?");
            german.awaitBotMessage("What is your order number?");
            assertThat(flowLog(parley, german).getFirst()).startsWith("intent order_status ").endsWith("[de]");

            WebContact english = open(parley, "en-GB");
            english.awaitBotMessage("How can I help?");
            english.say("Please move my delivery to another day");
            english.awaitBotMessage("Which order, and when should we deliver it?");
            assertThat(flowLog(parley, english).getFirst()).startsWith("intent change_delivery ").endsWith("[en]");
        } finally {
            orders.stop(0);
        }
    }
}
