package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.json.Json;
import dev.parley.testing.Chromium;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console speaks the browser's language until the operator picks one; the pick is kept with the operator,
 * so the console speaks it in every browser they log in on. German labels fit on desktop and phone.
 */
class ConsoleLanguageBrowserTest {
    private static final String WORKSPACE = """
            public_base_url: https://chat.example.com
            groups: [{ id: support, name: Kundenservice }]
            operators:
              - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
              - { id: bob, name: Bob Maier, email: bob@example.com, group: support, password_env: ADA_PW }
            widgets:
              - { id: web, name: Shop, group: support }
            """;
    /** What people read, checked for text cut off or spilling out of its box. */
    private static final String LABELS = ".top button, .top select, .nav a:not(.label-short), h2, h3, th, .badge,"
            + " .actions button, .composer button, .section-head button, .field-label, .filters select,"
            + " .conv-wait, .note-form button";

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void aGermanBrowserGetsAGermanConsoleAndTheOperatorsChoiceFollowsThemEverywhere() throws Exception {
        Path verify = Files.writeString(temp.resolve("wa-verify-token"), "verify-me-7f3a");
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE, Map.of("ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext german = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                        .setLocale("de-DE"));
                BrowserContext phone = chromium.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                        .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2).setLocale("de-DE"));
                BrowserContext english = chromium.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 800).setLocale("en-US"));
                BrowserContext british = chromium.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            String base = parley.baseUrl();
            WebContact contact = ConsoleDriver.openContact(http, base, "web", "Greta Schmidt", "greta@example.com",
                    Map.of());
            contact.say("Wo bleibt meine Bestellung?");

            Page login = german.newPage();
            login.navigate(base + "/console");
            PlaywrightAssertions.assertThat(login.locator("form.login button[type=submit]")).hasText("Anmelden");
            PlaywrightAssertions.assertThat(login.locator("form.login")).containsText("Konsole für Mitarbeiter");
            assertThat(login.locator("html").getAttribute("lang")).isEqualTo("de");
            login.close();

            Page page = ConsoleDriver.logIn(german, base, "ada@example.com", "ada-password");
            assertThat(page.evaluate("() => JSON.stringify(ParleyI18n.keys('console', 'de'))"))
                    .isEqualTo(page.evaluate("() => JSON.stringify(ParleyI18n.keys('console', 'en'))"));
            PlaywrightAssertions.assertThat(page.locator(".list-pane h2")).hasText("Eingang");
            PlaywrightAssertions.assertThat(page.locator("nav a[data-nav=mine] .label-long")).hasText("Meine Gespräche");
            PlaywrightAssertions.assertThat(page.locator("nav a[data-nav=canned]")).hasText("Textbausteine");
            PlaywrightAssertions.assertThat(page.locator(".top .live")).hasText("live");
            PlaywrightAssertions.assertThat(page.locator(".top button.link:not(.notify-toggle)")).hasText("Abmelden");
            PlaywrightAssertions.assertThat(page.locator(".top .who")).containsText("Admin");
            String row = ".conv-row[data-id=" + contact.conversationId() + "]";
            PlaywrightAssertions.assertThat(page.locator(row + " .badge")).hasText("Eingang");
            PlaywrightAssertions.assertThat(page.locator(row + " .conv-wait")).hasText("wartet < 1 Min.");
            PlaywrightAssertions.assertThat(page.locator(".detail .placeholder")).hasText("Wählen Sie ein Gespräch aus.");
            assertFits(page);
            ConsoleDriver.screenshot(page, "console-de-inbox.png");

            page.click(row + " a");
            PlaywrightAssertions.assertThat(page.locator("button[data-action=take]")).hasText("Übernehmen");
            PlaywrightAssertions.assertThat(page.locator("button[data-action=forward]")).hasText("Weiterleiten…");
            PlaywrightAssertions.assertThat(page.locator("button[data-action=end]")).hasText("Beenden");
            PlaywrightAssertions.assertThat(page.locator(".composer textarea"))
                    .hasAttribute("placeholder", "Übernehmen Sie das Gespräch, um zu antworten");
            PlaywrightAssertions.assertThat(page.locator(".conv-header .assignee")).hasText("niemanden");
            page.click("button[data-action=take]");
            PlaywrightAssertions.assertThat(page.locator(".conv-header .assignee")).hasText("Sie");
            PlaywrightAssertions.assertThat(page.locator(".conv-header .badge[data-status]")).hasText("zugewiesen");
            PlaywrightAssertions.assertThat(page.locator(".composer textarea"))
                    .hasAttribute("placeholder", "Antwort schreiben… (/ für Textbausteine)");
            PlaywrightAssertions.assertThat(page.locator(".composer button[type=submit]")).hasText("Senden");
            PlaywrightAssertions.assertThat(page.locator(".side")).containsText("Notizen");
            PlaywrightAssertions.assertThat(page.locator(".side")).containsText("Verlauf");
            PlaywrightAssertions.assertThat(page.locator(".side")).containsText("E-Mail-Adresse");
            PlaywrightAssertions.assertThat(page.locator(".side .history")).containsText("Zugewiesen an Ada Lovelace.");
            page.fill(".composer textarea", "Sie ist unterwegs und kommt morgen an.");
            page.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(page.locator(".transcript")).containsText("kommt morgen an");
            assertFits(page);
            ConsoleDriver.screenshot(page, "console-de-conversation.png");

            page.click("nav a[data-nav=team]");
            PlaywrightAssertions.assertThat(page.locator(".admin h2")).hasText("Team");
            PlaywrightAssertions.assertThat(page.locator("button[data-new=operator]")).hasText("Neuer Mitarbeiter");
            PlaywrightAssertions.assertThat(page.locator("table.operators thead")).containsText("Rolle");
            PlaywrightAssertions.assertThat(page.locator("table.operators tr[data-id=bob]")).containsText("Mitarbeiter");
            page.click("table.operators tr[data-id=bob] button");
            PlaywrightAssertions.assertThat(page.locator("form[data-form=operator] h3")).hasText("Bob Maier bearbeiten");
            PlaywrightAssertions.assertThat(page.locator("form[data-form=operator] input[type=password]"))
                    .hasAttribute("placeholder", "leer lassen, um es zu behalten");
            assertFits(page);
            ConsoleDriver.screenshot(page, "console-de-team.png");
            for (Map.Entry<String, String> admin : Map.of("widgets", "Widgets", "canned", "Textbausteine",
                    "deliveries", "Zustellungen", "flows", "Flows", "privacy", "Datenschutz").entrySet()) {
                page.click("nav a[data-nav=" + admin.getKey() + "]");
                PlaywrightAssertions.assertThat(page.locator(".admin h2")).hasText(admin.getValue());
                assertFits(page);
            }

            HttpAnswer channel = http.post(base + "/api/v1/channels", Map.of("Authorization", "Bearer "
                    + ConsoleDriver.token(page)), Json.write(Json.object().put("id", "wa-main").put("type", "whatsapp")
                    .put("widget", "web").put("phone_number_id", "106540352242922").put("access_token_env", "PATH")
                    .put("app_secret_file", verify.toString()).put("verify_token_file", verify.toString())));
            assertThat(channel.status()).as("%s", channel).isEqualTo(201);
            page.click("nav a[data-nav=channels]");
            String card = ".channel-card[data-id=wa-main]";
            PlaywrightAssertions.assertThat(page.locator(".channels h2")).hasText("Kanäle");
            PlaywrightAssertions.assertThat(page.locator(card + " .last-inbound")).hasText("nie");
            PlaywrightAssertions.assertThat(page.locator(card + " .channel-widget")).containsText("Gespräche gehen an");
            PlaywrightAssertions.assertThat(page.locator(card + " button[data-copy-button=webhook-wa-main]"))
                    .hasText("Kopieren");
            assertFits(page);
            ConsoleDriver.screenshot(page, "console-de-channels.png");
            page.click(card + " button.link");
            PlaywrightAssertions.assertThat(page.locator(".channel-form legend")).hasText("Zugangsdaten");
            PlaywrightAssertions.assertThat(page.locator(".channel-form select[name=app_secret_source] option:checked"))
                    .hasText("Datei");
            assertFits(page);

            Page small = ConsoleDriver.logIn(phone, base, "ada@example.com", "ada-password");
            PlaywrightAssertions.assertThat(small.locator(".list-pane h2")).hasText("Eingang");
            PlaywrightAssertions.assertThat(small.locator("nav a[data-nav=mine] .label-short")).hasText("Meine");
            assertFits(small);
            assertThat(small.evaluate("() => [...document.querySelectorAll('.top .who, .top select, .top button.link:"
                    + "not(.notify-toggle)')].map(e => e.getBoundingClientRect()).map(r => Math.round((r.top + r.bottom)"
                    + " / 2)).every((middle, i, all) => Math.abs(middle - all[0]) <= 2)"))
                    .as("name, status, language and log-out share the bar's second row").isEqualTo(true);
            ConsoleDriver.screenshot(small, "console-de-inbox-phone.png");
            small.navigate(base + "/console#/mine/" + contact.conversationId());
            PlaywrightAssertions.assertThat(small.locator(".conv-header .assignee")).hasText("Sie");
            assertFits(small);
            ConsoleDriver.screenshot(small, "console-de-conversation-phone.png");
            small.click(".detail a.back");
            small.click("nav a[data-nav=channels]");
            PlaywrightAssertions.assertThat(small.locator(".channel-card[data-id=wa-main] .last-inbound")).hasText("nie");
            assertFits(small);
            ConsoleDriver.screenshot(small, "console-de-channels-phone.png");

            // Ada picks English: the page changes at once, and her choice is kept with her
            page.locator(".top select.language-switch").selectOption("en");
            PlaywrightAssertions.assertThat(page.locator(".channels h2")).hasText("Channels");
            PlaywrightAssertions.assertThat(page.locator("nav a[data-nav=canned]")).hasText("Canned responses");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            await().atMost(Duration.ofSeconds(10)).until(() -> language(base, page).equals("en"));
            page.reload();
            PlaywrightAssertions.assertThat(page.locator(".channels h2")).hasText("Channels");
            PlaywrightAssertions.assertThat(page.locator(".top select.language-switch")).hasValue("en");

            page.locator(".top select.language-switch").selectOption("de");
            PlaywrightAssertions.assertThat(page.locator(".channels h2")).hasText("Kanäle");
            await().atMost(Duration.ofSeconds(10)).until(() -> language(base, page).equals("de"));

            // in an English browser the log-in is English; once logged in, Ada's own choice speaks
            Page elsewhere = english.newPage();
            elsewhere.navigate(base + "/console");
            PlaywrightAssertions.assertThat(elsewhere.locator("form.login button[type=submit]")).hasText("Log in");
            elsewhere.locator("form.login select.language-switch").selectOption("de");
            PlaywrightAssertions.assertThat(elsewhere.locator("form.login button[type=submit]")).hasText("Anmelden");
            elsewhere.locator("form.login select.language-switch").selectOption("en");
            elsewhere.close();
            Page adaInEnglishBrowser = ConsoleDriver.logIn(english, base, "ada@example.com", "ada-password");
            PlaywrightAssertions.assertThat(adaInEnglishBrowser.locator(".list-pane h2")).hasText("Eingang");
            Page bob = ConsoleDriver.logIn(british, base, "bob@example.com", "ada-password");
            PlaywrightAssertions.assertThat(bob.locator(".list-pane h2")).hasText("Inbox"); // Bob chose nothing
            assertThat(language(base, bob)).isEmpty();
            // a pick on the log-in form becomes the operator's own once they log in
            bob.click(".top button.link:not(.notify-toggle)");
            bob.locator("form.login select.language-switch").selectOption("de");
            bob.fill("input[name=email]", "bob@example.com");
            bob.fill("input[name=password]", "ada-password");
            bob.click("form.login button[type=submit]");
            PlaywrightAssertions.assertThat(bob.locator(".list-pane h2")).hasText("Eingang");
            await().atMost(Duration.ofSeconds(10)).until(() -> language(base, bob).equals("de"));
        }
    }

    private String language(String base, Page page) {
        return http.get(base + "/api/v1/operators/me", Map.of("Authorization", "Bearer " + ConsoleDriver.token(page)))
                .json().path("language").asText("");
    }

    /** No label on screen is cut off or spills out of its box (German words are long). */
    @SuppressWarnings("unchecked")
    private static void assertFits(Page page) {
        List<String> overflowing = (List<String>) page.evaluate("selector => [...document.querySelectorAll(selector)]"
                + ".filter(e => e.offsetParent !== null && e.getClientRects().length)"
                + ".filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1"
                + "  && getComputedStyle(e).overflowY !== 'visible')"
                + ".map(e => e.tagName + '.' + e.className + ' \"' + e.textContent.trim().slice(0, 40) + '\" '"
                + "  + e.scrollWidth + '>' + e.clientWidth)", LABELS);
        assertThat(overflowing).as("labels that do not fit").isEmpty();
    }
}
