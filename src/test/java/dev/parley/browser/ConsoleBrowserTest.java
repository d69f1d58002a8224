package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.json.Json;
import dev.parley.testing.Chromium;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's done-when scenario in the console: a contact chats with a real webhook bot that forwards
 * while every human is offline; an operator goes online, takes the conversation from the inbox and replies;
 * the contact gets the reply; a second operator sees it all live; a reload loses and repeats nothing.
 */
class ConsoleBrowserTest {
    static final Map<String, String> PASSWORDS = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password");

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    static String workspace(String webhook) {
        return """
                groups: [{ id: support, name: Support }, { id: billing, name: Billing }]
                operators:
                  - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                  - { id: bob, name: Bob Marley, email: bob@example.com, group: support, password_env: BOB_PW }
                bots:
                  - { id: triage, name: Triage, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                widgets: [{ id: web, name: Shop, group: support }]
                """.formatted(webhook);
    }

    /** Greets, records what the contact asked about, and forwards to any human at the first message. */
    static WebhookRecorder triageBot() {
        return WebhookRecorder.start((h, body) -> {
            JsonNode call = Json.MAPPER.readTree(body);
            String cid = call.path("info").path("cid").asText();
            return switch (call.path("packet").path("name").asText()) {
                case "start" -> WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                        {"info": {"cid": "%s"}, "packet": {"name": "message", "payload": {"body": "Hi! What can I do for you?"}}}"""
                        .formatted(cid)));
                case "message" -> WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                        [{"info": {"cid": "%1$s"}, "packet": {"name": "message", "payload": {"body": "Let me find a colleague for you."}}},
                         {"info": {"cid": "%1$s"}, "packet": {"name": "contact_update", "payload": {"custom_fields": {"plan": "Pro", "order": "A-1042"}}}},
                         {"info": {"cid": "%1$s"}, "packet": {"name": "conversation_update", "payload": {"subject": "Delivery question", "topics": ["shipping"]}}},
                         {"info": {"cid": "%1$s"}, "packet": {"name": "note_create", "payload": {"body": "Asked about order A-1042"}}},
                         {"info": {"cid": "%1$s"}, "packet": {"name": "forward_any", "payload": {}}}]"""
                        .formatted(cid)));
                default -> WebhookRecorder.Reply.empty();
            };
        });
    }

    @Test
    void anOperatorTakesAnInboxConversationAndRepliesWhileASecondOperatorWatchesLive() {
        try (WebhookRecorder bot = triageBot();
                TestParley parley = TestParley.start(StoreKind.SQLITE, temp, workspace(bot.url()), PASSWORDS);
                Chromium chromium = Chromium.launch();
                BrowserContext bobBrowser = chromium.newContext(Chromium.DESKTOP);
                BrowserContext adaBrowser = chromium.newContext(Chromium.DESKTOP)) {
            String base = parley.baseUrl();
            WebContact maria = ConsoleDriver.openContact(http, base, "web", "Maria Jensen", "maria@example.com",
                    Map.of("section", "checkout", "cart_value", "129.90"));
            maria.awaitBotMessage("Hi! What can I do for you?");
            maria.say("Where is my order A-1042? It should have arrived yesterday.");
            for (String[] other : List.of(new String[] {"Tom Becker", "tom@example.com", "Can I change my address?"},
                    new String[] {"Lena Fischer", "lena@example.com", "The invoice shows the wrong VAT."})) {
                WebContact c = ConsoleDriver.openContact(http, base, "web", other[0], other[1], Map.of("section", "help"));
                c.awaitBotMessage("Hi! What can I do for you?");
                c.say(other[2]);
                c.awaitItem("waiting in the inbox", Items.packet("conversation_forwarded"));
            }
            JsonNode waiting = maria.awaitItem("waiting in the inbox", Items.packet("conversation_forwarded"));
            assertThat(waiting.path("packet").path("payload").path("to").path("type").asText()).isEqualTo("inbox");
            String id = maria.conversationId();

            Page ada = ConsoleDriver.logIn(adaBrowser, base, "ada@example.com", "ada-password");
            ada.navigate(base + "/console#/all/" + id);
            PlaywrightAssertions.assertThat(ada.locator(".transcript")).containsText("Let me find a colleague");

            Page bob = ConsoleDriver.logIn(bobBrowser, base, "bob@example.com", "bob-password");
            PlaywrightAssertions.assertThat(bob.locator("nav a[data-nav=team]")).hasCount(0);
            bob.selectOption(".status-switch", "online");
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get(base + "/api/v1/operators/me",
                    Map.of("Authorization", "Bearer " + ConsoleDriver.token(bob))).json().path("status").asText()
                    .equals("online"));
            bob.click("nav a[data-nav=inbox]");
            Locator row = bob.locator(".conv-row[data-id='" + id + "']");
            PlaywrightAssertions.assertThat(bob.locator(".conv-row")).hasCount(3);
            PlaywrightAssertions.assertThat(row).containsText("Maria Jensen");
            PlaywrightAssertions.assertThat(row.locator(".conv-preview")).hasText("Triage: Let me find a colleague for you.");
            PlaywrightAssertions.assertThat(row.locator(".conv-wait")).hasText("waiting < 1 min");
            ConsoleDriver.screenshot(bob, "console-inbox.png");
            row.locator("a").click();
            Locator take = bob.locator("button[data-action=take]");
            PlaywrightAssertions.assertThat(take).isEnabled();
            PlaywrightAssertions.assertThat(bob.locator("textarea[aria-label=Reply]")).isDisabled();
            take.click();
            PlaywrightAssertions.assertThat(bob.locator(".conv-header .badge")).hasText("assigned");
            PlaywrightAssertions.assertThat(row).hasCount(0);
            PlaywrightAssertions.assertThat(ada.locator(".conv-header .assignee")).hasText("operator bob");

            bob.fill("textarea[aria-label=Reply]", "Hi Maria, I'm Bob.");
            bob.press("textarea[aria-label=Reply]", "Shift+Enter");
            bob.locator("textarea[aria-label=Reply]").pressSequentially("Your parcel is **out for delivery** today.");
            bob.check("input[name=markdown]");
            bob.press("textarea[aria-label=Reply]", "Enter");
            JsonNode reply = maria.awaitItem("Bob's reply", i -> i.path("author").path("type").asText().equals("operator"));
            assertThat(reply.path("author").path("name").asText()).isEqualTo("Bob Marley");
            assertThat(reply.path("packet").path("payload").path("body").asText())
                    .as("Shift+Enter is a new line, Enter sends")
                    .isEqualTo("Hi Maria, I'm Bob.\nYour parcel is **out for delivery** today.");
            assertThat(reply.path("html").asText()).contains("<strong>out for delivery</strong>");
            PlaywrightAssertions.assertThat(ada.locator(".transcript .prl-item.prl-from-operator strong"))
                    .hasText("out for delivery");

            maria.say("Great, thank you!");
            PlaywrightAssertions.assertThat(bob.locator(".transcript")).containsText("Great, thank you!");
            PlaywrightAssertions.assertThat(ada.locator(".transcript")).containsText("Great, thank you!");
            bob.fill("textarea[aria-label=Note]", "Promised delivery today; check tomorrow.");
            bob.click(".note-form button[type=submit]");
            PlaywrightAssertions.assertThat(ada.locator(".notes")).containsText("Promised delivery today");
            PlaywrightAssertions.assertThat(bob.locator(".side")).containsText("A-1042");
            PlaywrightAssertions.assertThat(bob.locator(".side")).containsText("checkout");
            PlaywrightAssertions.assertThat(bob.locator(".side .page-tags tr:has(td.tag:text-is('section')) td")
                    .nth(1)).hasText("value = checkout");
            PlaywrightAssertions.assertThat(bob.locator(".side")).not().containsText("\"properties\"");
            ConsoleDriver.screenshot(bob, "console-conversation.png");

            List<Long> stored = timelineSeqs(base, ConsoleDriver.token(bob), id);
            await().atMost(Duration.ofSeconds(10)).until(() -> ConsoleDriver.shownSeqs(bob).size() == stored.size());
            assertThat(ConsoleDriver.shownSeqs(bob)).map(Integer::longValue).containsExactlyElementsOf(stored);
            bob.reload();
            await().atMost(Duration.ofSeconds(10)).until(() -> ConsoleDriver.shownSeqs(bob).size() >= stored.size());
            assertThat(ConsoleDriver.shownSeqs(bob)).as("after a reload: every item once, in order")
                    .map(Integer::longValue).containsExactlyElementsOf(stored);
            maria.say("One more thing: can you leave it with the neighbour?");
            PlaywrightAssertions.assertThat(bob.locator(".transcript")).containsText("leave it with the neighbour");
            List<Long> after = timelineSeqs(base, ConsoleDriver.token(bob), id);
            assertThat(ConsoleDriver.shownSeqs(bob)).map(Integer::longValue).containsExactlyElementsOf(after);
            assertThat(ConsoleDriver.shownSeqs(ada)).map(Integer::longValue).containsExactlyElementsOf(after);

            bob.click("button[data-action=forward]");
            bob.selectOption("dialog select[name=target]", "group:billing");
            bob.click("dialog button[type=submit]");
            PlaywrightAssertions.assertThat(ada.locator(".conv-header .badge")).hasText("inbox");
            PlaywrightAssertions.assertThat(bob.locator("textarea[aria-label=Reply]")).isDisabled();
            assertThat(http.get(base + "/api/v1/conversations/" + id, Map.of("Authorization", "Bearer "
                    + ConsoleDriver.token(bob))).json().path("group").asText()).isEqualTo("billing");
            ada.click("button[data-action=take]");
            PlaywrightAssertions.assertThat(bob.locator(".conv-header .assignee")).hasText("operator ada");
            ada.click("button[data-action=end]");
            PlaywrightAssertions.assertThat(bob.locator(".conv-header .badge")).hasText("ended");
            PlaywrightAssertions.assertThat(bob.locator("button[data-action=take]")).isDisabled();
            PlaywrightAssertions.assertThat(ada.locator("button[data-action=end]")).isDisabled();
            maria.awaitItem("ended", Items.packet("conversation_ended"));
        }
    }

    private List<Long> timelineSeqs(String base, String token, String id) {
        JsonNode detail = http.get(base + "/api/v1/conversations/" + id, Map.of("Authorization", "Bearer " + token))
                .json();
        return java.util.stream.StreamSupport.stream(detail.path("timeline").spliterator(), false)
                .map(i -> i.path("seq").asLong()).toList();
    }
}
