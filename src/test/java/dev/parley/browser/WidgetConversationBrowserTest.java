package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contact chats on the demo page with a real webhook bot, then with a human operator. */
class WidgetConversationBrowserTest {
    @TempDir
    Path temp;

    @Test
    void everyPacketRendersAndTheTranscriptSurvivesAReload() {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            WidgetPage w = new WidgetPage(context.newPage()).openDemo(parley.baseUrl(), "web").openChat();

            Locator greeting = w.item("Northwind assistant");
            assertThat(greeting.locator(".prl-markdown strong").textContent()).isEqualTo("Bo");
            assertThat(greeting.locator(".prl-name").textContent()).isEqualTo("Bo");
            assertThat(greeting.locator(".prl-avatar").textContent()).isEqualTo("B");

            w.send("markdown");
            Locator plans = w.item("popular");
            assertThat(plans.locator("li").count()).isEqualTo(2);
            assertThat(plans.locator("em").textContent()).isEqualTo("popular");
            Locator link = plans.locator("a");
            assertThat(link.getAttribute("href")).isEqualTo("https://example.com/plans");
            assertThat(link.getAttribute("target")).isEqualTo("_blank");
            assertThat(link.getAttribute("rel")).contains("noopener");

            w.send("choice");
            Locator choice = w.item("Which plan are you interested in?");
            assertThat(choice.locator(".prl-header").textContent()).isEqualTo("Plans");
            assertThat(choice.locator(".prl-footer").textContent()).isEqualTo("You can change it later");
            choice.getByText("Pro").click();
            w.item("You chose Pro.");
            assertThat(choice.locator("button.prl-option").first().isDisabled()).isTrue();
            assertThat(choice.locator("button.prl-option").last().getAttribute("aria-pressed")).isEqualTo("true");
            choice.getByText("Basic").click(new Locator.ClickOptions().setForce(true));
            w.send("after the choice");
            w.item("You said: after the choice");
            assertThat(bot.recorder().calls().stream().filter(c -> c.packetName().equals("click"))).hasSize(1);

            w.send("image");
            Locator image = w.item("Our Pro e-bike").locator("img.prl-image");
            assertThat(image.getAttribute("src")).startsWith(parley.baseUrl() + "/media/");
            await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) image.evaluate("i => i.naturalWidth"))
                    .intValue() == 320);

            w.send("wait");
            w.page.locator(".prl-typing").waitFor();
            assertThat(w.page.locator(".prl-typing").textContent()).contains("Bo is typing");
            assertThat(w.items().filter(new Locator.FilterOptions().setHasText("Thanks for waiting")).count()).isZero();
            w.item("Thanks for waiting, here is your answer.");
            w.page.locator(".prl-typing").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));

            String admin = parley.adminToken();
            Map<String, String> auth = Map.of("Authorization", "Bearer " + admin);
            assertThat(parley.http().put(parley.baseUrl() + "/api/v1/operators/me/status", auth,
                    "{\"status\":\"online\"}").status()).isEqualTo(200);
            w.send("human");
            Locator handover = w.item("You are now chatting with Ada Lovelace.");
            assertThat(handover.getAttribute("class")).contains("prl-system-line");
            assertThat(parley.http().post(parley.baseUrl() + "/api/v1/conversations/" + w.conversationId()
                    + "/messages", auth, "{\"body\":\"Hello, Ada here. How can I help?\"}").status()).isEqualTo(201);
            Locator reply = w.item("Ada here");
            assertThat(reply.getAttribute("class")).contains("prl-from-operator");
            assertThat(reply.locator(".prl-avatar").textContent()).isEqualTo("AL");
            assertThat(w.page.locator(".pw-subtitle").textContent()).contains("Ada Lovelace");

            List<Long> before = w.seqs();
            assertThat(before).doesNotHaveDuplicates().isSorted();
            w.page.reload();
            w.item("Ada here");
            await().atMost(Duration.ofSeconds(10)).until(() -> w.seqs().size() >= before.size());
            assertThat(w.seqs()).isEqualTo(before);
            assertThat(w.item("Which plan are you interested in?").locator("button.prl-option").first().isDisabled())
                    .isTrue();
            assertThat(w.pwned()).isFalse();
        }
    }
}
