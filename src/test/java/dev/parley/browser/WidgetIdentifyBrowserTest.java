package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.Chromium;
import dev.parley.testing.HexHmac;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WinbackWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Braze reaches out to a logged-in user who never opened the chat in this browser: the shop's page identifies
 * them with a signature from its back end, and the widget pops up with the conversation.
 */
class WidgetIdentifyBrowserTest {
    @TempDir
    Path temp;

    @Test
    void anIdentifiedVisitorSeesTheOutreachPopUpAndAnswers() {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY);
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp, WinbackWorkspace.yaml(braze.url()),
                        WinbackWorkspace.env());
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP);
                ShopServer shop = ShopServer.serving(ShopServer.accountPage(parley.baseUrl(), "user-42",
                        HexHmac.of(WinbackWorkspace.IDENTITY_SECRET, "user-42")))) {
            String conversation = WinbackWorkspace.outreach(parley.http(), parley.baseUrl(), "winback-42", "user-42");

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
