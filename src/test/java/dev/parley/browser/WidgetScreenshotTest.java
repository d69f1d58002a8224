package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realistic conversation fits the widget on a desktop and on a phone, without sideways
 * scrolling. With {@code -Dparley.screenshots=docs/screenshots} the test also writes the
 * documentation's pictures there ({@code widget-desktop.png}, {@code widget-phone.png}).
 */
class WidgetScreenshotTest {
    private static final String OVERFLOW = """
            () => {
              const root = document.querySelector('[data-parley-host]').shadowRoot;
              const s = root.querySelector('.pw-scroller');
              return s.scrollWidth - s.clientWidth;
            }""";

    @TempDir
    Path temp;

    @Test
    void aRealisticConversationFitsDesktopAndPhone() {
        Optional<Path> out = Optional.ofNullable(System.getProperty("parley.screenshots")).map(Path::of);
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext desktop = chromium.newContext(Chromium.DESKTOP)) {
            WidgetPage w = new WidgetPage(desktop.newPage()).openDemo(parley.baseUrl(), "web").openChat();
            w.item("Northwind assistant");
            w.send("Which plan suits a daily 10 km commute?");
            w.item("Would you like a free test ride").getByText("Yes, book one").click();
            w.item("Northwind Pro e-bike").locator("img").evaluate("i => i.decode()");
            w.send("Perfect, thank you!");
            w.item("You're welcome!");
            assertThat(((Number) w.page.evaluate(OVERFLOW)).intValue()).isLessThanOrEqualTo(0);
            out.ifPresent(dir -> shoot(w.page, dir.resolve("widget-desktop.png")));

            Browser.NewContextOptions phoneOptions = Chromium.PHONE;
            try (BrowserContext phone = chromium.newContext(phoneOptions.setStorageState(desktop.storageState()))) {
                WidgetPage p = new WidgetPage(phone.newPage()).openDemo(parley.baseUrl(), "web");
                p.item("You're welcome!");
                p.item("Northwind Pro e-bike").locator("img").evaluate("i => i.decode()");
                assertThat(p.seqs()).isEqualTo(w.seqs());
                assertThat(((Number) p.page.evaluate(OVERFLOW)).intValue()).isLessThanOrEqualTo(0);
                p.page.locator(".pw-scroller").evaluate("s => s.scrollTop = s.scrollHeight");
                out.ifPresent(dir -> shoot(p.page, dir.resolve("widget-phone.png")));
            } finally {
                phoneOptions.setStorageState((String) null);
            }
        }
    }

    private static void shoot(Page page, Path file) {
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
    }
}
