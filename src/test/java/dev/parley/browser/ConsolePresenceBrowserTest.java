package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.testing.Chromium;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.MutableClock;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presence follows the console: an operator who goes online and closes the console is shown {@code away} on
 * the Team page once {@code auth.away_after} has passed (time moves on an injected clock), while the admin whose
 * console stays open stays online; the returning operator's console shows them away.
 */
class ConsolePresenceBrowserTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    final MutableClock clock = new MutableClock();

    @Test
    void anOperatorWhoClosedTheConsoleIsShownAwayAfterAwayAfter() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin,
                      password_env: PW }
                  - { id: bob, name: Bob Stone, email: bob@example.com, group: support, password_env: PW }
                widgets: [{ id: web, name: Web, group: support }]
                auth: { away_after: 3m }
                """, Map.of("PW", "password"), clock);
                Chromium chromium = Chromium.launch()) {
            String base = parley.baseUrl();
            try (BrowserContext bobsBrowser = chromium.newContext(Chromium.DESKTOP)) {
                Page bob = ConsoleDriver.logIn(bobsBrowser, base, "bob@example.com", "password");
                bob.locator(".status-switch").selectOption("online");
                assertThat(bob.locator(".status-switch")).hasClass(Pattern.compile("status-online"));
                await().atMost(Duration.ofSeconds(10)).until(() -> status(parley, "bob").equals("online"));
            }
            try (BrowserContext adasBrowser = chromium.newContext(Chromium.DESKTOP)) {
                Page ada = ConsoleDriver.logIn(adasBrowser, base, "ada@example.com", "password");
                ada.locator(".status-switch").selectOption("online");
                Locator bobsStatus = ada.locator("table.operators tr[data-id='bob'] .badge");
                ada.navigate(base + "/console#/team");
                assertThat(bobsStatus).hasText("online");

                // Bob's console is closed; the server notes it a moment later, and away_after counts from there
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    clock.advance(Duration.ofMinutes(1));
                    return status(parley, "bob").equals("away");
                });
                ada.reload();
                assertThat(bobsStatus).hasText("away");
                assertThat(ada.locator("table.operators tr[data-id='ada'] .badge")).hasText("online");
                ConsoleDriver.screenshot(ada, "console-team-away.png");
            }
            try (BrowserContext bobsBrowser = chromium.newContext(Chromium.DESKTOP)) {
                Page bob = ConsoleDriver.logIn(bobsBrowser, base, "bob@example.com", "password");
                assertThat(bob.locator(".status-switch")).hasValue("away");
            }
        }
    }

    private Map<String, String> admin = Map.of();

    private String status(TestParley parley, String operatorId) {
        if (admin.isEmpty()) {
            admin = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "password");
        }
        return http.get(parley.baseUrl() + "/api/v1/operators", admin).json().path("items").valueStream()
                .filter(o -> o.path("id").asText().equals(operatorId)).findFirst().orElseThrow()
                .path("status").asText();
    }
}
