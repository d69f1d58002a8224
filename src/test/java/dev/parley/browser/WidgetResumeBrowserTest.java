package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget's stream drops while the bot keeps sending; nothing is lost or shown twice. */
class WidgetResumeBrowserTest {
    @TempDir
    Path temp;

    @Test
    void droppedStreamResumesWithoutLossOrDuplicatesAndUploadsArrive() {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            context.addInitScript(WidgetPage.TRACK_SOCKETS);
            WidgetPage w = new WidgetPage(context.newPage()).openDemo(parley.baseUrl(), "web").openChat();
            w.item("Northwind assistant");
            String cid = bot.lastCid();

            context.setOffline(true);
            w.page.evaluate("() => window.__sockets.forEach(s => s.close())");
            for (int i = 1; i <= 5; i++) {
                bot.push(parley.http(), parley.baseUrl(), cid, WidgetBot.text("while away " + i));
            }
            w.page.waitForTimeout(1500);
            assertThat(w.items().filter(new Locator.FilterOptions().setHasText("while away")).count()).isZero();
            context.setOffline(false);
            w.item("while away 5");
            w.send("back again");
            w.item("You said: back again");

            // the server replays the whole transcript on request: the widget shows each item once
            w.page.evaluate("() => window.__sockets.filter(s => s.readyState === 1)"
                    + ".forEach(s => s.send(JSON.stringify({ after: 0 })))");
            bot.push(parley.http(), parley.baseUrl(), cid, WidgetBot.text("after the replay"));
            w.item("after the replay");
            List<Long> seqs = w.seqs();
            assertThat(seqs).doesNotHaveDuplicates().isSorted();
            for (int i = 1; i <= 5; i++) {
                assertThat(w.items().filter(new Locator.FilterOptions().setHasText("while away " + i)).count())
                        .isEqualTo(1);
            }
            assertThat(w.items().filter(new Locator.FilterOptions().setHasText("back again")).count()).isEqualTo(2);

            w.page.locator(".pw-composer input[type=file]").setInputFiles(new FilePayload("opening-hours.txt",
                    "text/plain", "Mon-Fri 9-18".getBytes(StandardCharsets.UTF_8)));
            Locator upload = w.page.locator(".pw-log > .prl-from-contact[data-packet=media]");
            assertThat(upload.locator("a.prl-file").textContent()).startsWith("opening-hours.txt");
            assertThat(upload.locator("a.prl-file").getAttribute("href")).startsWith(parley.baseUrl() + "/media/");
            w.item("Thanks, I got opening-hours.txt.");
            await().atMost(Duration.ofSeconds(5)).until(() -> w.page.locator(".pw-pending-item").count() == 0);
            assertThat(w.seqs()).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    void withoutWebSocketsTheWidgetLongPolls() {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            context.addInitScript("delete window.WebSocket;");
            WidgetPage w = new WidgetPage(context.newPage()).openDemo(parley.baseUrl(), "web").openChat();
            w.item("Northwind assistant");
            w.send("polling");
            w.item("You said: polling");
            bot.push(parley.http(), parley.baseUrl(), bot.lastCid(), WidgetBot.text("pushed while polling"));
            w.item("pushed while polling");
            assertThat(w.seqs()).doesNotHaveDuplicates().isSorted().hasSize(4);
        }
    }
}
