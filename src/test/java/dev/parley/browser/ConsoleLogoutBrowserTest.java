package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.testing.Chromium;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's Log out ends the token on the server: a copy of it is worthless afterwards. */
class ConsoleLogoutBrowserTest {
    @TempDir
    Path temp;

    @Test
    void logOutRevokesTheTokenTheConsoleUsed() {
        JsonHttp http = new JsonHttp();
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                widgets: [{ id: web, name: Web, group: support }]
                """, Map.of("ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext browser = chromium.newContext(Chromium.DESKTOP)) {
            Page page = ConsoleDriver.logIn(browser, parley.baseUrl(), "ada@example.com", "ada-password");
            String token = ConsoleDriver.token(page);
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            assertThat(http.get(parley.baseUrl() + "/api/v1/operators/me", auth).status()).isEqualTo(200);

            List<Route> inFlight = new ArrayList<>();
            page.route("**/api/v1/conversations/counts", inFlight::add);
            page.evaluate("window.dispatchEvent(new Event('parley:read'))");
            page.waitForCondition(() -> !inFlight.isEmpty());
            page.click("button:has-text('Log out')");

            PlaywrightAssertions.assertThat(page.locator("form.login")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("form.login")).containsText("You are logged out.");
            // a request sent before the log-out is answered 401 after it: the console stays logged out, quietly
            List<Route> held = List.copyOf(inFlight);
            held.forEach(Route::resume);
            for (Route route : held) {
                assertThat(route.request().response()).as("the answer to %s", route.request().url())
                        .isNotNull().extracting(Response::status).isEqualTo(401);
            }
            page.unroute("**/api/v1/conversations/counts");
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => done()))");
            PlaywrightAssertions.assertThat(page.locator("form.login")).containsText("You are logged out.");
            assertThat(http.get(parley.baseUrl() + "/api/v1/operators/me", auth).status()).isEqualTo(401);
        }
    }
}
