package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.channel.standin.WhatsAppStandIn;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.Chromium;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WhatsApp template an outreach sent shows in the console as what it is: the template's name, its language and
 * the value of each body placeholder, in order.
 */
class ConsoleTemplateBrowserTest {
    private static final String BRAZE_KEY = "braze-key-5d1e";
    private static final String OUTREACH_TOKEN = "outreach-token-0b7c";
    private static final String WA_TOKEN = "wa-token-3f9a";

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void anOutreachTemplateShowsItsNameLanguageAndParameters() {
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
                BrazeStandIn braze = BrazeStandIn.start(BRAZE_KEY);
                WhatsAppStandIn whatsApp = WhatsAppStandIn.start(MetaWebhooks.PHONE_NUMBER_ID, WA_TOKEN);
                TestParley parley = TestParley.start(StoreKind.SQLITE, temp, """
                        groups: [{ id: support, name: Support }]
                        operators:
                          - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin,
                              password_env: ADA_PW }
                        environments:
                          sandbox: { braze: { url: "%s", api_key_env: BRAZE_KEY, outreach_token_env: OUTREACH } }
                        bots:
                          - { id: shopbot, name: Shop Bot, group: support, type: api, behavior: firewall,
                              webhook_url: "%s" }
                        widgets:
                          - { id: web, name: Shop, group: support }
                        channels:
                          - { id: wa, type: whatsapp, widget: web, phone_number_id: "%s", api_base_url: "%s",
                              access_token_env: WA_TOKEN, app_secret_env: WA_SECRET, verify_token_env: WA_VERIFY }
                        """.formatted(braze.url(), bot.url(), MetaWebhooks.PHONE_NUMBER_ID, whatsApp.graph().baseUrl()),
                        Map.of("ADA_PW", "ada-password", "BRAZE_KEY", BRAZE_KEY, "OUTREACH", OUTREACH_TOKEN,
                                "WA_TOKEN", WA_TOKEN, "WA_SECRET", "wa-secret", "WA_VERIFY", "wa-verify"));
                Chromium chromium = Chromium.launch();
                BrowserContext desktop = chromium.newContext(Chromium.DESKTOP)) {
            ObjectNode outreach = Json.object().put("outreach_id", "spring-1").put("channel", "wa")
                    .put("bot", "shopbot");
            outreach.putObject("user").put("phone", "+4915112345678");
            outreach.putObject("template").put("name", "order_shipped").put("language", "de")
                    .putArray("parameters").add("Jana").add("#4711").add("Dienstag");
            HttpAnswer opened = http.post(parley.baseUrl() + "/api/integrations/braze/v1/outreach",
                    Map.of("Authorization", "Bearer " + OUTREACH_TOKEN), Json.write(outreach));
            assertThat(opened.status()).as("%s", opened).isEqualTo(202);
            String id = opened.json().path("conversation_id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> whatsApp.messages().size() == 1);

            Page page = ConsoleDriver.logIn(desktop, parley.baseUrl(), "ada@example.com", "ada-password");
            page.navigate(parley.baseUrl() + "/console#/all/" + id);
            String template = ".transcript .prl-template";
            PlaywrightAssertions.assertThat(page.locator(template + " .prl-header"))
                    .hasText("WhatsApp template “order_shipped”");
            PlaywrightAssertions.assertThat(page.locator(template + " .prl-footer")).hasText("Language: de");
            PlaywrightAssertions.assertThat(page.locator(template + " .prl-template-parameter"))
                    .hasText(new String[] {"{{1}} Jana", "{{2}} #4711", "{{3}} Dienstag"});
            assertThat(page.locator(".transcript").innerText()).doesNotContain("whatsapp template");
            ConsoleDriver.screenshot(page, "console-whatsapp-template.png");
        }
    }
}
