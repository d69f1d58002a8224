package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.json.Json;
import dev.parley.testing.Chromium;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data rights page: an admin finds a contact, downloads its export, erases it and reads the audit log. */
class ConsoleDataRightsBrowserTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
              - { id: bob, name: Bob Marley, email: bob@example.com, group: support, password_env: BOB_PW }
            widgets: [{ id: web, name: Shop, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void anAdminExportsThenErasesAContactFromTheDataRightsPage() throws Exception {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE,
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext adminBrowser = chromium.newContext(Chromium.DESKTOP);
                BrowserContext agentBrowser = chromium.newContext(Chromium.DESKTOP)) {
            String base = parley.baseUrl();
            WebContact carla = ConsoleDriver.openContact(http, base, "web", "Carla Rossi", "carla@example.org",
                    Map.of());
            carla.say("Please delete my data, order 4711");
            Page page = ConsoleDriver.logIn(adminBrowser, base, "ada@example.com", "ada-password");
            assertThat(http.post(base + "/api/v1/conversations/" + carla.conversationId() + "/end",
                    Map.of("Authorization", "Bearer " + ConsoleDriver.token(page)), "").status()).isEqualTo(200);

            page.click("nav a[data-nav=privacy]");
            page.fill("input.privacy-query", "carla@example.org");
            page.click("button:has-text('Find contact')");
            var row = page.locator("tr.privacy-contact");
            PlaywrightAssertions.assertThat(row).containsText("Carla Rossi");
            Download download = page.waitForDownload(() -> row.locator("button:has-text('Export JSON')").click());
            JsonNode copy = Json.MAPPER.readTree(Files.readString(download.path()));
            assertThat(download.suggestedFilename()).startsWith("contact-").endsWith(".json");
            assertThat(copy.path("contact").path("email").asText()).isEqualTo("carla@example.org");
            assertThat(copy.path("conversations").get(0).path("timeline").toString())
                    .contains("Please delete my data, order 4711");
            PlaywrightAssertions.assertThat(page.locator("table.privacy-audit tr.audit-entry"))
                    .containsText("contact.export");

            row.locator("button:has-text('Erase…')").click();
            PlaywrightAssertions.assertThat(row.locator(".privacy-confirm")).containsText("Erase for good?");
            ConsoleDriver.screenshot(page, "console-data-rights.png");
            row.locator("button:has-text('Erase contact')").click();
            PlaywrightAssertions.assertThat(page.locator(".notice.ok")).containsText("conversations: 1");
            PlaywrightAssertions.assertThat(page.locator("table.privacy-audit tr.audit-entry").first())
                    .containsText("contact.erase");
            PlaywrightAssertions.assertThat(page.locator("table.privacy-audit tr.audit-entry").first())
                    .containsText("ada@example.com");
            PlaywrightAssertions.assertThat(page.locator("table.privacy-contacts")).containsText("No contact matches.");

            Page agent = ConsoleDriver.logIn(agentBrowser, base, "bob@example.com", "bob-password");
            PlaywrightAssertions.assertThat(agent.locator("nav a[data-nav=inbox]")).isVisible();
            assertThat(agent.locator("nav a[data-nav=privacy]").count()).isZero();
            agent.navigate(base + "/console/#/privacy");
            PlaywrightAssertions.assertThat(agent.locator(".main")).containsText("Only admins see this page.");
        }
    }
}
