package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.Chromium;
import dev.parley.testing.HexHmac;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Braze reaches out to a logged-in user who never opened the chat in this browser: the shop's page identifies
 * them with a signature from its back end, and the widget pops up with the conversation.
 */
class WidgetIdentifyBrowserTest {
    static final String SECRET = "c4f1e9a27b3d58e06a1f2c9d7e4b8a35";

    @TempDir
    Path temp;

    private static String workspace(String brazeUrl) {
        return """
                groups: [{ id: support, name: Support }]
                environments:
                  sandbox: { braze: { url: "%s", api_key_env: BRAZE_KEY, outreach_token_env: OUTREACH_TOKEN } }
                bots:
                  - { id: winbackbot, name: Winback Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets: [{ id: web, name: Northwind, group: support, identity: { secret_env: WEB_IDENTITY } }]
                """.formatted(brazeUrl, Path.of("examples/flows/winback.yml").toAbsolutePath());
    }

    /** The shop's account page: its back end signed the logged-in user's id and put both in the page. */
    private static String accountPage(String parleyUrl, String externalId, String signature) {
        return """
                <!doctype html><html><head><title>Your account</title></head><body><h1>Your account</h1>
                <script>
                  window.parley = window.parley || function () { (parley.q = parley.q || []).push(arguments); };
                  parley('identify', { external_id: '%s', signature: '%s' });
                </script>
                <script src="%s/widget.js" data-parley-widget="web" async></script>
                </body></html>""".formatted(externalId, signature, parleyUrl);
    }

    @Test
    void anIdentifiedVisitorSeesTheOutreachPopUpAndAnswers() {
        try (BrazeStandIn braze = BrazeStandIn.start("braze-key");
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp, workspace(braze.url()),
                        Map.of("BRAZE_KEY", "braze-key", "OUTREACH_TOKEN", "outreach-token", "WEB_IDENTITY", SECRET));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP);
                ShopServer shop = ShopServer.serving(accountPage(parley.baseUrl(), "user-42",
                        HexHmac.of(SECRET, "user-42")))) {
            ObjectNode outreach = Json.object().put("outreach_id", "winback-42").put("widget", "web")
                    .put("flow", "winback");
            outreach.putObject("user").put("external_id", "user-42");
            outreach.putObject("variables").put("first_name", "Ada").put("offer", "20% off your next order");
            HttpAnswer started = parley.http().post(parley.baseUrl() + "/api/integrations/braze/v1/outreach",
                    Map.of("Authorization", "Bearer outreach-token"), Json.write(outreach));
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            String conversation = started.json().path("conversation_id").asText();

            WidgetPage w = new WidgetPage(context.newPage());
            w.page.navigate(shop.url("/account"));
            w.panel().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            Locator offer = w.item("Hi Ada! We miss you. As a welcome back: 20% off your next order.");
            assertThat(w.conversationId()).isEqualTo(conversation);
            offer.getByText("Sounds good").click();
            w.item("Great, we have saved the offer for you.");
            w.item("Have a nice day!");
            assertThat(w.page.locator(".pw-ended").isVisible()).isTrue();

            // the next page of the shop shows the same conversation, without popping it up again
            w.panel().locator(".pw-close").click();
            w.page.reload();
            w.items().filter(new Locator.FilterOptions().setHasText("Have a nice day!")).waitFor(
                    new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
            assertThat(w.panel().isHidden()).isTrue();
            assertThat(w.conversationId()).isEqualTo(conversation);
            w.openChat();
            w.item("Sounds good");
            assertThat(w.seqs()).doesNotHaveDuplicates().isSorted();
        }
    }
}
