package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With nobody online the widget asks the visitor for an e-mail address below the transcript, refuses one that is
 * not an address, keeps a valid one, and the operator's later reply reaches the visitor who left by e-mail.
 */
class WidgetOfflineEmailBrowserTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    private static final Path SHOTS = Path.of(System.getProperty("parley.screenshots", "target/screenshots"));

    @TempDir
    Path temp;

    @Test
    void theWidgetAsksForAnAddressAndTheReplyIsMailedOnceTheVisitorLeft() throws Exception {
        String yaml = """
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada Lovelace, email: %s, group: support, role: admin,
                              password_env: ADMIN_PW }]
                widgets: [{ id: web, name: Northwind, group: support }]
                smtp: { host: 127.0.0.1, port: %d, from: "Northwind <help@example.com>" }
                """.formatted(WidgetParley.ADMIN_EMAIL, MAIL.getSmtp().getPort());
        Files.createDirectories(SHOTS);
        try (WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp, yaml, Map.of());
                Chromium chromium = Chromium.launch()) {
            try (BrowserContext phone = chromium.newContext(Chromium.PHONE)) {
                WidgetPage p = new WidgetPage(phone.newPage()).openDemo(parley.baseUrl(), "web").openChat();
                p.send("Are you there?");
                p.item("Are you there?");
                p.page.locator(".pw-offline input").waitFor();
                assertThat(p.page.locator(".pw-subtitle").textContent()).isEqualTo("We answer as soon as we are back");
                p.page.locator(".pw-scroller").evaluate("s => s.scrollTop = s.scrollHeight");
                p.page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("widget-offline-phone.png")));
            }
            try (BrowserContext desktop = chromium.newContext(Chromium.DESKTOP)) {
                WidgetPage w = new WidgetPage(desktop.newPage()).openDemo(parley.baseUrl(), "web").openChat();
                w.send("Do you ship to Iceland?");
                w.item("Do you ship to Iceland?");
                Locator card = w.page.locator(".pw-offline");
                assertThat(card.locator(".pw-offline-intro").textContent()).startsWith("Nobody is online right now.");
                assertThat(card.locator("label").textContent()).isEqualTo("Your e-mail address");
                card.locator("input").fill("carla at example");
                card.locator("button").click();
                assertThat(card.locator(".prl-form-error").textContent())
                        .isEqualTo("Please enter an e-mail address such as name@example.com.");
                w.page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("widget-offline-desktop.png")));
                card.locator("input").fill("carla@example.com");
                card.locator("button").click();
                Locator done = w.page.locator(".pw-offline-done");
                done.waitFor();
                assertThat(done.textContent()).contains("carla@example.com");
                String conversation = w.conversationId();
                w.page.reload();
                w.item("Do you ship to Iceland?");
                assertThat(w.page.locator(".pw-offline").count()).as("the address is known: no card").isZero();

                w.page.close();
                await().atMost(Duration.ofSeconds(10)).until(() -> parley.visitorGone(conversation));
                Map<String, String> ada = Map.of("Authorization", "Bearer " + parley.adminToken());
                String api = parley.baseUrl() + "/api/v1/conversations/" + conversation;
                assertThat(parley.http().post(api + "/take", ada, "").status()).isEqualTo(200);
                assertThat(parley.http().post(api + "/messages", ada, "{\"body\":\"Yes, we ship to Iceland.\"}")
                        .status()).isEqualTo(201);
                await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length == 1);
                assertThat(MAIL.getReceivedMessages()[0].getAllRecipients()[0].toString())
                        .isEqualTo("carla@example.com");
                assertThat(MAIL.getReceivedMessages()[0].getSubject())
                        .isEqualTo("Ada Lovelace answered you on Northwind");
                assertThat(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0])).contains("Yes, we ship to Iceland.");
            }
        }
    }
}
