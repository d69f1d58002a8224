package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.Locator;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget on a page: page tags, a phone-sized screen, and the keyboard alone. */
class WidgetPageBrowserTest {
    @TempDir
    Path temp;

    @Test
    void pageTagsFromAttributesAndTheScriptApiReachOperatorsAndBots() {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            context.addInitScript("window.parley = function () { (parley.q = parley.q || []).push(arguments); };"
                    + "parley('tag', 'early_bird', { campaign: 'spring' });");
            WidgetPage w = new WidgetPage(context.newPage()).openDemo(parley.baseUrl(), "web");
            w.page.getByText("I'm interested in the Pro plan").click();
            w.panel().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            w.item("Northwind assistant");
            w.page.evaluate("() => parley('tag', 'checkout_started', { step: 2, items: ['pro'] })");
            w.page.evaluate("() => { const d = document.createElement('div');"
                    + " d.setAttribute('data-parley-tag', 'faq_opened'); document.body.appendChild(d); }");

            String conversation = w.conversationId();
            Map<String, String> auth = Map.of("Authorization", "Bearer " + parley.adminToken());
            await().atMost(Duration.ofSeconds(10)).until(() -> parley.http().get(parley.baseUrl()
                    + "/api/v1/conversations/" + conversation, auth).json().path("contact").path("page_tags")
                    .has("faq_opened"));
            JsonNode detail = parley.http().get(parley.baseUrl() + "/api/v1/conversations/" + conversation, auth).json();
            JsonNode tags = detail.path("contact").path("page_tags");
            assertThat(tags.path("pricing_page").path("properties").path("section").asText()).isEqualTo("bikes");
            assertThat(tags.path("pro_plan_seen").path("properties").path("price").asInt()).isEqualTo(49);
            assertThat(tags.path("pro_plan_interest").path("properties").path("source").asText())
                    .isEqualTo("hero_button");
            assertThat(tags.path("early_bird").path("properties").path("campaign").asText()).isEqualTo("spring");
            assertThat(tags.path("checkout_started").path("properties").path("step").asInt()).isEqualTo(2);
            assertThat(tags.path("checkout_started").path("at").asText()).matches("\\d{4}-.*Z");
            assertThat(detail.path("timeline").findValuesAsText("tag")).contains("checkout_started", "faq_opened");
            assertThat(w.items().filter(new Locator.FilterOptions().setHasText("checkout_started")).count()).isZero();

            w.send("hello bot");
            w.item("You said: hello bot");
            WebhookRecorder.Call call = bot.recorder().calls().stream()
                    .filter(c -> c.payload().path("body").asText().equals("hello bot")).findFirst().orElseThrow();
            assertThat(call.info().path("contact").path("page_tags").path("checkout_started").path("properties")
                    .path("items").get(0).asText()).isEqualTo("pro");
        }
    }

    @Test
    void onAPhoneTheChatFillsTheScreen() {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.PHONE)) {
            WidgetPage w = new WidgetPage(context.newPage()).openDemo(parley.baseUrl(), "web");
            BoundingBox launcher = w.launcher().boundingBox();
            assertThat(launcher.x + launcher.width).isBetween(330.0, 390.0);
            assertThat(launcher.y + launcher.height).isBetween(780.0, 844.0);
            w.launcher().tap();
            w.panel().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            BoundingBox panel = w.panel().boundingBox();
            assertThat(panel.x).isZero();
            assertThat(panel.y).isZero();
            assertThat(panel.width).isEqualTo(390.0);
            assertThat(panel.height).isEqualTo(844.0);
            assertThat(w.launcher().isVisible()).isFalse();
            w.item("Northwind assistant");
            w.input().tap();
            w.send("from my phone");
            w.item("You said: from my phone");
            w.page.locator(".pw-close").tap();
            w.launcher().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            assertThat(w.panel().isVisible()).isFalse();
        }
    }

    @Test
    void theKeyboardAloneOpensWritesAndCloses() {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            WidgetPage w = new WidgetPage(context.newPage()).openDemo(parley.baseUrl(), "web");
            String focused = "() => { const a = document.activeElement;"
                    + " return a && a.shadowRoot && a.shadowRoot.activeElement ? a.shadowRoot.activeElement.className : ''; }";
            for (int i = 0; i < 12 && !"pw-launcher".equals(w.page.evaluate(focused)); i++) {
                w.page.keyboard().press("Tab");
            }
            assertThat(w.page.evaluate(focused)).isEqualTo("pw-launcher");
            assertThat(w.launcher().getAttribute("aria-label")).isEqualTo("Open chat");
            w.page.keyboard().press("Enter");
            w.panel().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            assertThat(w.launcher().getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(w.page.evaluate(focused)).isEqualTo("pw-input");
            w.item("Northwind assistant");
            w.page.keyboard().type("typed with keys");
            w.page.keyboard().press("Enter");
            w.item("You said: typed with keys");
            assertThat(w.page.locator(".pw-panel [aria-live=polite]").textContent()).contains("Bo: You said: typed");
            assertThat(w.page.locator(".pw-log").getAttribute("role")).isEqualTo("log");
            w.page.keyboard().press("Escape");
            w.panel().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            assertThat(w.page.evaluate(focused)).isEqualTo("pw-launcher");
            assertThat(w.launcher().getAttribute("aria-expanded")).isEqualTo("false");
        }
    }
}
