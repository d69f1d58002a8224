package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markup from bots, contacts and file names is shown as text and never runs: every payload sets
 * {@code window.__pwned} if a browser ever executes it.
 */
class WidgetHostileMarkupBrowserTest {
    private static final String NO_ELEMENTS_FROM_PAYLOADS = """
            () => {
              const root = document.querySelector('[data-parley-host]').shadowRoot;
              return root.querySelectorAll('script, img[src="x"], [onerror], a[href^="javascript"], iframe').length;
            }""";

    @TempDir
    Path temp;

    @Test
    void hostileTextsFromBotContactAndFilesNeverRun() {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), true), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            WidgetPage w = new WidgetPage(context.newPage()).openDemo(parley.baseUrl(), "web").openChat();

            Locator card = w.page.locator(".prl-registration");
            card.waitFor();
            assertThat(bot.recorder().calls()).isEmpty();
            w.send("before registering");
            assertThat(w.page.locator(".pw-failed").textContent()).contains("name and e-mail first");
            assertThat(w.page.evaluate("() => document.activeElement.shadowRoot.activeElement.name")).isEqualTo("name");
            w.page.locator(".pw-pending-item").evaluate("e => e.remove()");
            card.getByLabel("Your name").fill("Eve " + WidgetBot.PWN);
            card.getByLabel("Your e-mail").fill("not-an-address");
            card.getByText("Start chatting").click();
            assertThat(card.locator(".prl-form-error").textContent()).contains("valid e-mail");
            card.getByLabel("Your e-mail").fill("eve@example.com");
            card.getByLabel("Your e-mail").press("Enter");
            w.item("Northwind assistant");
            assertThat(card.locator("input").first().isDisabled()).isTrue();
            assertThat(w.item("eve@example.com").textContent()).contains("Eve <img src=x onerror=");
            assertThat(bot.recorder().calls().getFirst().info().path("contact").path("email").asText())
                    .isEqualTo("eve@example.com");

            w.send("hostile");
            w.item("links <img");
            assertThat(w.item("md ").textContent()).contains("md <img src=x onerror=\"window.__pwned=1\">");
            assertThat(w.item("md ").locator("strong").textContent()).isEqualTo("bold");
            assertThat(w.item("plain ").textContent()).contains("<script>window.__pwned=1</script>");
            assertThat(w.item("pick ").locator("button.prl-option").textContent()).startsWith("label <img");
            assertThat(w.item("cards ").locator(".prl-card").textContent()).startsWith("card <img");
            assertThat(w.item("links ").locator("a.prl-link-button").getAttribute("href"))
                    .isEqualTo("https://example.com/");

            w.page.locator(".pw-composer input[type=file]").setInputFiles(new FilePayload(
                    "<img src=x onerror=window.__pwned=1>.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)));
            w.item("Thanks, I got");
            assertThat(w.item("pick ").locator("button.prl-option").isDisabled())
                    .as("the carousel after it closed the older choice").isTrue();
            w.item("cards ").locator("button.prl-option").click();
            w.item("You chose card");

            assertThat(((Number) w.page.evaluate(NO_ELEMENTS_FROM_PAYLOADS)).intValue()).isZero();
            assertThat(w.pwned()).isFalse();
        }
    }

    @Test
    void rendererRefusesUnsafeUrlsAndMarkupEvenFromAForgedItem() {
        try (WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp, WidgetParley.workspace(
                        "http://127.0.0.1:9/unused", false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            WidgetPage w = new WidgetPage(context.newPage()).openDemo(parley.baseUrl(), "web");
            Object result = w.page.evaluate("""
                    () => {
                      const js = 'javascript:window.__pwned=1';
                      const bot = { type: 'bot', id: 'b', name: '<img src=x onerror="window.__pwned=1">' };
                      const items = [
                        { seq: 1, id: 'm1', at: '2024-01-01T00:00:00Z', author: bot,
                          packet: { name: 'message', payload: { body: 'x', text_format: 'markdown_v1' } },
                          html: '<p>hi <a href="' + js + '">a</a><img src=x onerror="window.__pwned=1">'
                              + '<script>window.__pwned=1<\\/script><a href="https://ok.example/">ok</a></p>' },
                        { seq: 2, id: 'm2', at: 'x', author: bot, packet: { name: 'buttons',
                          payload: { buttons: [{ label: 'go', url: js }, { label: 'data', url: 'data:text/html,<script>1</script>' }] } } },
                        { seq: 3, id: 'm3', at: 'x', author: bot, packet: { name: 'carousel',
                          payload: { options: [{ id: 'a', label: 'A', image_url: js }] } } },
                        { seq: 4, id: 'm4', at: 'x', author: bot, packet: { name: 'media',
                          payload: { url: js, filename: '<b>f</b>', mime_type: 'image/png' } } },
                        { seq: 5, id: 'm5', at: 'x', author: bot, packet: { name: 'navigate', payload: { url: js } } },
                        { seq: 6, id: 'm6', at: 'x', author: bot, packet: { name: 'button_template',
                          payload: { header: { type: 'image', url: js }, body: 'b', options: [] } } }
                      ];
                      const box = document.createElement('div');
                      document.body.appendChild(box);
                      const t = new ParleyRender.Transcript(box, { onChoice: () => {} });
                      items.forEach(i => t.add(i));
                      box.querySelectorAll('a, button').forEach(e => { if (!e.target) e.click(); });
                      return {
                        unsafe: box.querySelectorAll('script, img[src="x"], [onerror], a[href^="javascript"], a[href^="data"], img[src^="javascript"]').length,
                        links: [...box.querySelectorAll('a[href]')].map(a => a.href),
                        disabledLinks: box.querySelectorAll('.prl-link-disabled').length,
                        text: box.textContent
                      };
                    }""");
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) result;
            assertThat(((Number) r.get("unsafe")).intValue()).isZero();
            assertThat(r.get("links").toString()).isEqualTo("[https://ok.example/]");
            assertThat(((Number) r.get("disabledLinks")).intValue()).isGreaterThanOrEqualTo(4);
            assertThat(r.get("text").toString()).contains("<img src=x onerror=").contains("<b>f</b>");
            assertThat(w.pwned()).isFalse();
        }
    }
}
