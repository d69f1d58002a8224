package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.app.Parley;
import dev.parley.app.ServerSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.config.DemoWorkspace;
import dev.parley.json.Json;
import dev.parley.store.Ids;
import dev.parley.testing.Chromium;
import dev.parley.testing.FlaskBot;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the README's 5-minute tour as written: the demo, the console, the bot of step 3 with the file
 * of step 3, the API calls of step 4, a second operator, and a bot pushing with the cid the console shows.
 */
class ReadmeTourBrowserTest {
    private static final String TOKEN = "a".repeat(64);
    private static final Map<String, String> SECRETS = Map.of("SHOPBOT_API_TOKEN", TOKEN,
            "ADA_PASSWORD", DemoWorkspace.DEMO_PASSWORD);

    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    @Test
    void theTourWorksAsTheReadmeTellsIt() throws Exception {
        try (TestDatabase db = StoreKind.SQLITE.create(temp);
                Chromium chromium = Chromium.launch()) {
            String demoConversation;
            try (Parley demo = Parley.start(db.settings(), DemoWorkspace.config(temp.resolve("flows")),
                    Clock.systemUTC(), Ids.random());
                    BrowserContext visitor = chromium.newContext(Chromium.DESKTOP);
                    BrowserContext operator = chromium.newContext(Chromium.DESKTOP)) {
                String base = "http://127.0.0.1:" + demo.port();
                demoConversation = demoAsAContact(visitor, base, demo);
                secondServeRefusesThePort(db, demo.port());
                consoleOfTheDemo(operator, base, demoConversation);
            }

            try (FlaskBot bot = FlaskBot.start("campaign_bot", temp);
                    Parley shop = Parley.start(db.settings(), ConfigLoader.parse(stepThreeConfig()
                            .replace("http://localhost:8000", bot.url("")), "parley.yml", SECRETS),
                            Clock.systemUTC(), Ids.random());
                    BrowserContext privateWindow = chromium.newContext(Chromium.DESKTOP);
                    BrowserContext adaBrowser = chromium.newContext(Chromium.DESKTOP);
                    BrowserContext bobBrowser = chromium.newContext(Chromium.DESKTOP)) {
                String base = "http://127.0.0.1:" + shop.port();
                assertThat(shop.disabledObjects()).as("item 4: the demo bot is not in the file")
                        .containsExactly("bot welcome");

                WidgetPage w = new WidgetPage(privateWindow.newPage()).openDemo(base, "website").openChat();
                w.item("Welcome! Please click 'start'").locator("button.prl-option").click();
                w.item("You've been subscribed to the campaign!");

                String apiConversation = stepFourThroughTheApi(base);

                Page ada = ConsoleDriver.logIn(adaBrowser, base, DemoWorkspace.DEMO_EMAIL, DemoWorkspace.DEMO_PASSWORD);
                addBob(ada);
                Page bob = ConsoleDriver.logIn(bobBrowser, base, "bob@example.com", "bob-password-1");
                bob.selectOption(".status-switch", "online");
                await().atMost(Duration.ofSeconds(10)).until(() -> "online".equals(http.get(base
                        + "/api/v1/operators/me", Map.of("Authorization", "Bearer " + ConsoleDriver.token(bob)))
                        .json().path("status").asText()));
                bob.click("a[data-nav=inbox]");
                bob.locator(".conv-row[data-id='" + apiConversation + "'] a").click();
                bob.click("button[data-action=take]");
                await().atMost(Duration.ofSeconds(10)).until(() -> assignee(shop, apiConversation).equals("bob"));

                String request = deliveryRequestOf(ada, w.conversationId());
                Matcher cid = Pattern.compile("\"cid\": \"(chatbot::shopbot:[0-9a-f]{32})\"").matcher(request);
                assertThat(cid.find()).as("the request shows the cid: %s", request).isTrue();
                HttpAnswer pushed = http.post(base + "/api/chatbot/v1/bots/shopbot/events",
                        Map.of("SECURITY-TOKEN", TOKEN), "{\"info\":{\"cid\":\"" + cid.group(1) + "\"},\"packet\":"
                                + "{\"name\":\"message\",\"payload\":{\"body\":\"Your order shipped.\"}}}");
                assertThat(pushed.status()).as("%s", pushed).isLessThan(300);
                w.item("Your order shipped.");

                Matcher url = Pattern.compile("\"url\": \"http://localhost:8080(/console/conversations/[^\"]+)\"")
                        .matcher(request);
                assertThat(url.find()).as("item 6: conversation.url in %s", request).isTrue();
                ada.navigate(base + url.group(1));
                ada.locator(".transcript").getByText("You've been subscribed to the campaign!").waitFor();
            }
        }
    }

    /** Items 1, 6 and 7 on the demo page: landing page, rendered markdown, folded lines, page tags once. */
    private String demoAsAContact(BrowserContext visitor, String base, Parley demo) {
        Page landing = visitor.newPage();
        landing.navigate(base + "/");
        assertThat(landing.title()).isEqualTo("Parley");
        landing.getByText("Demo page").click();
        landing.waitForURL(base + "/demo");

        WidgetPage w = new WidgetPage(landing);
        w.launcher().waitFor();
        w.openChat();
        Locator hello = w.item("Parley demo bot");
        assertThat(hello.locator("strong").textContent()).isEqualTo("Parley demo bot");
        assertThat(hello.textContent()).doesNotContain("**");
        hello.getByText("A short tour").click();
        Locator tour = w.item("This conversation runs a");
        assertThat(tour.locator("br").count()).as("YAML line breaks fold").isZero();
        assertThat(tour.locator("strong").textContent()).isEqualTo("flow");

        String conversation = w.conversationId();
        landing.reload();
        w.item("This conversation runs a");
        await().atMost(Duration.ofSeconds(10)).until(() -> pageTagItems(demo, conversation) == 2);
        String tagged = pageTagTime(demo, conversation);
        landing.reload();
        w.item("This conversation runs a");
        await().atMost(Duration.ofSeconds(10)).until(() -> !pageTagTime(demo, conversation).equals(tagged));
        assertThat(pageTagItems(demo, conversation)).as("a reload does not repeat the page's two tags").isEqualTo(2);
        return conversation;
    }

    private void secondServeRefusesThePort(TestDatabase db, int port) {
        ServerSettings s = db.settings();
        ServerSettings taken = new ServerSettings(s.host(), port, s.dataDir(), s.databaseUrl(), s.outboxPollInterval(),
                s.media(), s.pluginsDir());
        assertThatThrownBy(() -> Parley.start(taken, ConfigLoader.parse(stepThreeConfig(), "parley.yml", SECRETS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port " + port
                        + " is already in use");
    }

    /** Items 1 and 7 in the console: the greeting's markdown, New bot, the test chat and Deliveries. */
    private void consoleOfTheDemo(BrowserContext operator, String base, String demoConversation) {
        Page ada = ConsoleDriver.logIn(operator, base, DemoWorkspace.DEMO_EMAIL, DemoWorkspace.DEMO_PASSWORD);
        ada.click("a[data-nav=all]");
        ada.locator(".conv-row[data-id='" + demoConversation + "'] a").click();
        assertThat(ada.locator(".transcript strong").first().textContent()).isEqualTo("Parley demo bot");

        ada.click("a[data-nav=team]");
        ada.click("button[data-new=bot]");
        @SuppressWarnings("unchecked")
        List<String> types = (List<String>) ada.locator("form[data-form=bot] select").nth(1)
                .evaluate("s => [...s.options].map(o => o.value)");
        assertThat(types).containsExactly("api");

        ada.click("a[data-nav=flows]");
        ada.locator(".flows li[data-id=welcome] a").click();
        ada.getByText("Start a test chat").click();
        ada.locator(".test-chat").getByText("Parley demo bot").first().waitFor();
        ada.click("a[data-nav=all]");
        ada.locator(".conv-row").first().waitFor();
        assertThat(ada.locator(".conv-row").count()).as("the test chat is no customer's conversation").isEqualTo(1);

        ada.click("a[data-nav=deliveries]");
        ada.getByText("There are no API bots yet").waitFor();
        assertThat(ada.locator("select[aria-label=Bot] option").count()).isZero();
    }

    /** Step 4 as its curl lines: open, read, click, write, read. */
    private String stepFourThroughTheApi(String base) {
        JsonNode opened = http.post(base + "/api/web/v1/widgets/website/conversations", Map.of(),
                "{\"contact\":{\"name\":\"Zoe\"}}").json();
        String conv = opened.path("conversation_id").asText();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + opened.path("contact_token").asText());
        String messages = base + "/api/web/v1/conversations/" + conv + "/messages";
        JsonNode first = http.get(messages + "?after=0&wait=10", auth).json().path("items").get(0);
        assertThat(first.path("packet").path("name").asText()).isEqualTo("button_template");
        HttpAnswer click = http.post(base + "/api/web/v1/conversations/" + conv + "/clicks", auth,
                "{\"message_id\":\"" + first.path("id").asText() + "\",\"option_id\":\"start\"}");
        assertThat(click.status()).as("%s", click).isEqualTo(202);
        assertThat(http.post(messages, auth, "{\"body\":\"hello\",\"client_id\":\"m1\"}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get(messages + "?after=1&wait=5", auth).body()
                .contains("I don't understand this, I will redirect you to support."));
        assertThat(http.get(messages + "?after=1", auth).body()).contains("You've been subscribed to the campaign!");
        return conv;
    }

    private void addBob(Page ada) {
        ada.click("a[data-nav=team]");
        ada.click("button[data-new=operator]");
        Locator form = ada.locator("form[data-form=operator]");
        Locator inputs = form.locator("input");
        inputs.nth(0).fill("bob");
        inputs.nth(1).fill("Bob Builder");
        inputs.nth(2).fill("bob@example.com");
        form.locator("input[type=password]").fill("bob-password-1");
        form.locator("button[type=submit]").click();
        ada.locator("text=Bob Builder").first().waitFor();
    }

    /** The request body of a webhook call about {@code conversationId}, as the Deliveries page shows it. */
    private String deliveryRequestOf(Page ada, String conversationId) {
        ada.click("a[data-nav=deliveries]");
        Locator rows = ada.locator("tr.delivery");
        rows.first().waitFor();
        Locator bodies = ada.locator("tr.bodies").filter(new Locator.FilterOptions().setHasText(conversationId));
        Locator row = ada.locator("tr.delivery:has(+ tr.bodies:has-text('" + conversationId + "'))").first();
        row.click();
        return bodies.first().locator(".request-body").textContent();
    }

    private static String stepThreeConfig() throws java.io.IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("```yaml", readme.indexOf("Save as `parley.yml`"));
        String block = readme.substring(readme.indexOf('\n', at) + 1, readme.indexOf("```", at + 7));
        return block.lines().map(line -> line.length() >= 3 ? line.substring(3) : line.strip())
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static String pageTagTime(Parley parley, String conversation) {
        return parley.database().read(h -> h.createQuery("SELECT k.page_tags FROM contacts k JOIN conversations c"
                + " ON c.contact_id = k.id WHERE c.id = :id").bind("id", conversation).mapTo(String.class).one());
    }

    private static int pageTagItems(Parley parley, String conversation) {
        return parley.database().read(h -> h.createQuery("SELECT COUNT(*) FROM timeline WHERE conversation_id = :id"
                + " AND packet_name = 'page_tag'").bind("id", conversation).mapTo(Integer.class).one());
    }

    private static String assignee(Parley parley, String conversation) {
        return parley.database().read(h -> h.createQuery("SELECT COALESCE(assignee_id, '') FROM conversations"
                + " WHERE id = :id").bind("id", conversation).mapTo(String.class).one());
    }
}
