package dev.parley.browser;

import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.braze.BrazeUpdate;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin sees in the console that Braze refused the API key and sending is paused. */
class BrazeAlertBrowserTest {
    private static final String KEY = "braze-k3y";

    @TempDir
    Path temp;

    @Test
    void theDeliveriesPageShowsThatBrazeRefusedTheKey() {
        try (BrazeStandIn braze = BrazeStandIn.start(KEY);
                TestParley parley = TestParley.start(StoreKind.SQLITE, temp, """
                        environments:
                          sandbox: { braze: { url: "%s", api_key_env: BRAZE_KEY } }
                        groups: [{ id: support, name: Support }]
                        operators:
                          - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin,
                              password_env: ADA_PW }
                        widgets: [{ id: web, name: Shop, group: support }]
                        """.formatted(braze.url()), Map.of("BRAZE_KEY", KEY, "ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext browser = chromium.newContext(Chromium.DESKTOP)) {
            braze.mode(BrazeStandIn.Mode.UNAUTHORIZED);
            parley.parley().database().useWrite(tx -> parley.parley().braze().writer().track(tx, Optional.empty(),
                    BrazeUpdate.ofEvents(List.of(Json.object().put("external_id", "u1").put("name", "viewed")))));
            await().atMost(Duration.ofSeconds(20)).until(() -> !parley.parley().braze().deadLetters().alerts().isEmpty());

            Page page = ConsoleDriver.logIn(browser, parley.baseUrl(), "ada@example.com", "ada-password");
            page.click("nav a[data-nav=deliveries]");

            PlaywrightAssertions.assertThat(page.locator(".braze-alert[data-kind=auth]"))
                    .containsText("Braze refused the API key with HTTP 401");
            PlaywrightAssertions.assertThat(page.locator(".braze-alert[data-kind=auth]")).containsText("paused");
        }
    }
}
