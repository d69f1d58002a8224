package dev.parley.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flows page shows a flow's intents with their examples and runs their cross-validation. */
class ConsoleIntentsBrowserTest {
    @TempDir
    Path temp;

    @Test
    void anAdminSeesAFlowsIntentsAndTestsThem() throws Exception {
        Path flow = temp.resolve("helpdesk.yml");
        try (InputStream in = ConsoleIntentsBrowserTest.class.getResourceAsStream("/flows/helpdesk-intents.yml")) {
            Files.write(flow, in.readAllBytes());
        }
        String workspace = ConsoleAdminBrowserTest.WORKSPACE + """
                bots:
                  - { id: helpdesk, name: Helpdesk, group: support, type: flow, behavior: human, flow: "%s" }
                """.formatted(flow);
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, workspace,
                        Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext browser = chromium.newContext(Chromium.DESKTOP)) {
            Page page = ConsoleDriver.logIn(browser, parley.baseUrl(), "ada@example.com", "ada-password");
            page.navigate(parley.baseUrl() + "/console#/flows/helpdesk");
            var intents = page.locator(".flow-intents");
            PlaywrightAssertions.assertThat(intents).containsText("Threshold 60.0 % · global: human → handoff, stop → bye");
            PlaywrightAssertions.assertThat(intents).containsText("de: 4 intents");
            PlaywrightAssertions.assertThat(intents).containsText("Not tested yet.");
            intents.locator("summary:has-text('en:')").click();
            PlaywrightAssertions.assertThat(intents.locator("dd").first()).containsText("Where is my order?");

            intents.locator("button:has-text('Test the intents')").click();
            PlaywrightAssertions.assertThat(intents.locator(".intent-test")).containsText("5-fold cross-validation",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            PlaywrightAssertions.assertThat(intents.locator(".intent-test")).containsText("en: accuracy");
            PlaywrightAssertions.assertThat(intents.locator(".intent-test table").first()).containsText("order_status");
        }
    }
}
