package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.json.Json;
import dev.parley.testing.Chromium;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admin pages: a bot created in Team, its API URL copied and a fresh token used against it; Deliveries; Widgets. */
class ConsoleAdminBrowserTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
              - { id: bob, name: Bob Marley, email: bob@example.com, group: support, password_env: BOB_PW }
            widgets: [{ id: web, name: Shop, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void anAdminCreatesABotInTeamCopiesItsApiUrlAndTheShownTokenWorksThere() {
        Browser.NewContextOptions withClipboard = new Browser.NewContextOptions().setViewportSize(1280, 1500)
                .setPermissions(List.of("clipboard-read", "clipboard-write"));
        try (WebhookRecorder webhook = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE,
                        Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext adminBrowser = chromium.newContext(withClipboard);
                BrowserContext agentBrowser = chromium.newContext(Chromium.DESKTOP)) {
            String base = parley.baseUrl();
            Page page = ConsoleDriver.logIn(adminBrowser, base, "ada@example.com", "ada-password");
            page.click("nav a[data-nav=team]");
            page.click("button[data-new=bot]");
            page.locator("form[data-form=bot] label:has-text('Id') input").fill("helper");
            page.locator("form[data-form=bot] label:has-text('Name') input").first().fill("Helper Bot");
            page.locator("form[data-form=bot] label:has-text('Behavior mode') select").selectOption("firewall");
            page.locator("form[data-form=bot] label:has-text('Chat slots') input").fill("25");
            page.locator("form[data-form=bot] label:has-text('Conversation timeout after') input").fill("15m");
            page.locator("form[data-form=bot] label:has-text('Timeout action') select").selectOption("unassign");
            page.locator("form[data-form=bot] label:has-text('Webhook URL') input").fill(webhook.url());
            page.click("form[data-form=bot] button:has-text('+ Add')");
            page.locator("form[data-form=bot] .kv-key").fill("API-SECURITY-TOKEN");
            page.locator("form[data-form=bot] .kv-value").fill("s3cret-header");
            page.click("form[data-form=bot] button[type=submit]");
            PlaywrightAssertions.assertThat(page.locator("table.bots tr[data-id=helper]")).containsText("firewall");

            JsonNode stored = http.get(base + "/api/v1/bots/helper", Map.of("Authorization", "Bearer "
                    + ConsoleDriver.token(page))).json();
            assertThat(stored.path("slots").asInt()).isEqualTo(25);
            assertThat(stored.path("timeout").path("after").asText()).isEqualTo("15m");
            assertThat(stored.path("timeout").path("action").asText()).isEqualTo("unassign");
            assertThat(stored.path("webhook_headers").path("API-SECURITY-TOKEN").asText()).isEqualTo("••••");

            page.click("button[data-copy-button=api-url]");
            String apiUrl = (String) page.evaluate("navigator.clipboard.readText()");
            assertThat(apiUrl).endsWith("/api/chatbot/v1/bots/helper/events")
                    .isEqualTo(page.inputValue("input[data-copy=api-url]"));
            page.click("button[data-generate=token]");
            PlaywrightAssertions.assertThat(page.locator(".secret-once .warning")).containsText("shown only now");
            String token = page.inputValue("input[data-copy=api-token]");
            assertThat(token).hasSizeGreaterThan(20);
            ConsoleDriver.screenshot(page, "console-team.png");

            WebContact contact = WebContact.open(http, base, "web");
            await().atMost(Duration.ofSeconds(10)).until(() -> webhook.calls().stream()
                    .anyMatch(c -> c.packetName().equals("start")));
            String cid = webhook.calls().getFirst().cid();
            assertThat(webhook.calls().getFirst().headers()).containsEntry("api-security-token", "s3cret-header");
            // the public base URL names where Parley is reachable from outside; the test reaches it on loopback
            String local = base + apiUrl.substring(apiUrl.indexOf("/api/chatbot/"));
            String event = Json.write(Json.MAPPER.valueToTree(Map.of("info", Map.of("cid", cid), "packet",
                    Map.of("name", "message", "payload", Map.of("body", "Hello from the helper bot")))));
            HttpAnswer applied = http.post(local, Map.of("SECURITY-TOKEN", token), event);
            assertThat(applied.status()).as("%s", applied).isEqualTo(200);
            contact.awaitBotMessage("Hello from the helper bot");
            assertThat(http.post(local, Map.of("SECURITY-TOKEN", token + "x"), event).status()).isEqualTo(401);
            contact.say("Do you ship to Norway?");
            await().atMost(Duration.ofSeconds(10)).until(() -> webhook.calls().size() == 2);

            page.click("nav a[data-nav=deliveries]");
            PlaywrightAssertions.assertThat(page.locator("tr.delivery .event")).hasText(new String[] {"message", "start"});
            PlaywrightAssertions.assertThat(page.locator("tr.delivery .http-status").last()).hasText("200");
            page.locator("tr.delivery").first().click();
            PlaywrightAssertions.assertThat(page.locator("pre.request-body").first()).containsText("Do you ship to Norway?");
            PlaywrightAssertions.assertThat(page.locator("pre.request-body").first()).containsText(cid);
            ConsoleDriver.screenshot(page, "console-deliveries.png");

            page.click("nav a[data-nav=widgets]");
            page.click("table.widgets tr[data-id=web] button");
            PlaywrightAssertions.assertThat(page.locator("input[data-copy=embed-snippet]"))
                    .hasValue(java.util.regex.Pattern.compile(".*data-parley-widget=\"web\".*"));
            page.locator("fieldset label:has-text('Time zone') input").fill("Europe/Berlin");
            page.click("fieldset button:has-text('+ Add')");
            page.locator("fieldset .kv-key").fill("mon-fri");
            page.locator("fieldset .kv-value").fill("09:00-17:00");
            page.click("form button[type=submit]");
            PlaywrightAssertions.assertThat(page.locator("table.widgets tr[data-id=web]")).containsText("09:00-17:00");
            page.locator("fieldset .kv-value").fill("25:00-26:00");
            page.click("form button[type=submit]");
            PlaywrightAssertions.assertThat(page.locator("form .notice.error")).containsText("service_hours");

            page.click("nav a[data-nav=flows]");
            PlaywrightAssertions.assertThat(page.locator(".flow-list, .placeholder").first()).not().isEmpty();
            assertThat((Object) page.evaluate("document.querySelectorAll('.notice.error:not(:empty)').length"))
                    .isEqualTo(0);

            Page agent = ConsoleDriver.logIn(agentBrowser, base, "bob@example.com", "bob-password");
            PlaywrightAssertions.assertThat(agent.locator("nav a[data-nav=team]")).hasCount(0);
            agent.navigate(base + "/console#/team");
            PlaywrightAssertions.assertThat(agent.locator(".main")).containsText("Only admins");
            assertThat(http.get(base + "/api/v1/bots", Map.of("Authorization", "Bearer " + ConsoleDriver.token(agent)))
                    .status()).isEqualTo(403);
        }
    }

    /** The Team page's forms offer the groups; a form opened while they are still on the way waits for them. */
    @Test
    void anOperatorFormOpenedBeforeTheGroupsArriveSavesWithAGroup() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE,
                        Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext adminBrowser = chromium.newContext(Chromium.DESKTOP)) {
            Page page = ConsoleDriver.logIn(adminBrowser, parley.baseUrl(), "ada@example.com", "ada-password");
            List<Route> held = new ArrayList<>();
            page.route("**/api/v1/groups", held::add);
            page.click("nav a[data-nav=team]");
            page.waitForCondition(() -> !held.isEmpty());
            page.click("button[data-new=operator]");
            page.unroute("**/api/v1/groups");
            held.forEach(Route::resume);

            Locator form = page.locator("form[data-form=operator]");
            form.locator("label:has-text('Id') input").fill("cyd");
            form.locator("label:has-text('Name') input").first().fill("Cyd Charisse");
            form.locator("label:has-text('E-mail') input").fill("cyd@example.com");
            form.locator("input[type=password]").fill("cyd-password-1");
            form.locator("button[type=submit]").click();
            PlaywrightAssertions.assertThat(page.locator("table.operators tr[data-id=cyd]")).containsText("support");
        }
    }
}
