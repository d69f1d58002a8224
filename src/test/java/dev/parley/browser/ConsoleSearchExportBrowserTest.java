package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.testing.Chromium;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All conversations: searching what was written lists the conversations that mention it with the matching words
 * marked, an admin downloads them as CSV with the same filters, and an agent finds them on a phone, without the
 * export.
 */
class ConsoleSearchExportBrowserTest {
    private static final Path SHOTS = Path.of(System.getProperty("parley.screenshots", "target/screenshots"));

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void searchingMessagesMarksTheMatchAndTheExportHasTheSameConversations() throws Exception {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin,
                      password_env: ADA_PW }
                  - { id: bob, name: Bob Stone, email: bob@example.com, group: support, password_env: BOB_PW }
                widgets: [{ id: web, name: Shop, group: support }]
                """, Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"));
                Chromium chromium = Chromium.launch()) {
            String base = parley.baseUrl();
            WebContact maria = ConsoleDriver.openContact(http, base, "web", "Maria Jensen", "maria@example.com",
                    Map.of());
            maria.say("Hello?");
            maria.say("My parcel never came. Where is my Refund for order 1042?");
            WebContact ola = ConsoleDriver.openContact(http, base, "web", "Ola Nordmann", "ola@example.com", Map.of());
            ola.say("Can I get a refund of 50% for the scratched frame?");
            WebContact chen = ConsoleDriver.openContact(http, base, "web", "Chen Wei", "chen@example.com", Map.of());
            chen.say("Just browsing, thanks.");
            Files.createDirectories(SHOTS);

            try (BrowserContext desktop = chromium.newContext(Chromium.DESKTOP)) {
                Page ada = ConsoleDriver.logIn(desktop, base, "ada@example.com", "ada-password");
                ada.navigate(base + "/console#/all");
                assertThat(ada.locator(".conv-row")).hasCount(3);
                ada.locator(".search-text").fill("refund");
                assertThat(ada.locator(".conv-row")).hasCount(2);
                Locator mariaRow = ada.locator(".conv-row[data-id='" + maria.conversationId() + "']");
                assertThat(mariaRow.locator(".conv-match mark")).hasText("Refund");
                assertThat(mariaRow.locator(".conv-match")).containsText("Where is my Refund for order 1042?");
                ada.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-search.png")));

                Download download = ada.waitForDownload(() -> ada.locator("button.export").click());
                assertThat(download.suggestedFilename()).matches("conversations-\\d{4}-\\d{2}-\\d{2}\\.csv");
                String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
                assertThat(csv).startsWith("id,created_at,").contains(maria.conversationId(), ola.conversationId())
                        .doesNotContain(chen.conversationId());

                ada.locator(".search-text").fill("no such words");
                assertThat(ada.locator(".conv-list .empty")).hasText("No conversation mentions “no such words”.");
            }
            try (BrowserContext phone = chromium.newContext(Chromium.PHONE)) {
                Page bob = ConsoleDriver.logIn(phone, base, "bob@example.com", "bob-password");
                bob.navigate(base + "/console#/all");
                assertThat(bob.locator(".conv-row")).hasCount(3);
                assertThat(bob.locator("button.export")).hasCount(0);
                bob.locator(".search-text").fill("50%");
                assertThat(bob.locator(".conv-row")).hasCount(1);
                assertThat(bob.locator(".conv-match mark")).hasText("50%");
                assertThat((Boolean) bob.evaluate("document.documentElement.scrollWidth <= innerWidth")).isTrue();
                bob.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-search-phone.png")));
            }
        }
    }
}
