package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget speaks its configured locale, else the browser's language, else English. */
class WidgetLanguageBrowserTest {
    private static final String SHADOW = "document.querySelector('[data-parley-host]').shadowRoot";

    @TempDir
    Path temp;

    @Test
    void theConfiguredLocaleWinsThenTheBrowserDecides() {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp, workspace(bot.webhookUrl()),
                        Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch()) {
            try (BrowserContext english = chromium.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 800).setLocale("en-US"))) {
                WidgetPage w = new WidgetPage(english.newPage()).openDemo(parley.baseUrl(), "web_de");
                assertThat(w.launcher().getAttribute("aria-label")).isEqualTo("Chat öffnen");
                w.openChat();
                assertThat(w.page.locator(".pw-title").textContent()).isEqualTo("Schreiben Sie uns");
                assertThat(w.input().getAttribute("placeholder")).isEqualTo("Nachricht schreiben…");
                assertThat(w.launcher().getAttribute("aria-label")).isEqualTo("Chat schließen");
                assertThat(w.page.locator(".pw-root").getAttribute("lang")).isEqualTo("de");
                w.item("Northwind assistant");
                w.send("human");
                w.item("Der nächste freie Mitarbeiter ist gleich für Sie da.");
                assertThat(w.page.locator(".pw-subtitle").textContent())
                        .isEqualTo("Der nächste freie Kollege ist gleich für Sie da");
                assertThat(w.item("human").locator(".prl-name").textContent()).isEqualTo("Sie");
                assertThat(parley.http().get(parley.baseUrl() + "/api/v1/conversations/" + w.conversationId(),
                        Map.of("Authorization", "Bearer " + parley.adminToken())).json().path("contact")
                        .path("locale").asText()).as("the language the visitor reads, for e-mails later").isEqualTo("de");
                assertThat(w.page.evaluate("() => JSON.stringify(ParleyI18n.keys('widget', 'de'))"))
                        .isEqualTo(w.page.evaluate("() => JSON.stringify(ParleyI18n.keys('widget', 'en'))"));
                assertThat(w.page.evaluate("() => JSON.stringify(ParleyI18n.keys('transcript', 'de'))"))
                        .isEqualTo(w.page.evaluate("() => JSON.stringify(ParleyI18n.keys('transcript', 'en'))"));
                assertThat(englishTitle(english.newPage(), parley.baseUrl())).isEqualTo("Chat with us");
            }
            try (BrowserContext german = chromium.newContext(new Browser.NewContextOptions().setLocale("de-DE"))) {
                assertThat(englishTitle(german.newPage(), parley.baseUrl())).isEqualTo("Schreiben Sie uns");
            }
            try (BrowserContext french = chromium.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))) {
                assertThat(englishTitle(french.newPage(), parley.baseUrl())).isEqualTo("Chat with us");
            }
            assertThat(parley.http().get(parley.baseUrl() + "/api/web/v1/widgets/web_de/settings", Map.of()).json()
                    .path("locale").asText()).isEqualTo("de");
            assertThat(parley.http().get(parley.baseUrl() + "/api/web/v1/widgets/web/settings", Map.of()).json()
                    .has("locale")).isFalse();
            assertThat(parley.http().get(parley.baseUrl() + "/api/web/v1/widgets/no%20such/settings", Map.of())
                    .json().path("error").path("path").asText()).isEqualTo("widget");
        }
    }

    /** The title of widget {@code web}, which sets no locale. */
    private static String englishTitle(Page page, String baseUrl) {
        WidgetPage w = new WidgetPage(page).openDemo(baseUrl, "web").openChat();
        return (String) w.page.evaluate("() => " + SHADOW + ".querySelector('.pw-title').textContent");
    }

    private static String workspace(String webhookUrl) {
        return WidgetParley.workspace(webhookUrl, false).replace(
                "widgets: [{ id: web, name: Northwind, group: support, registration: false }]",
                "widgets: [{ id: web, name: Northwind, group: support }, { id: web_de, name: Northwind, group: support,"
                        + " locale: de }]");
    }
}
