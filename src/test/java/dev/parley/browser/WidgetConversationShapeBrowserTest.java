package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.parley.app.Parley;
import dev.parley.config.DemoWorkspace;
import dev.parley.store.Ids;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the widget shapes a conversation with the demo flow bot: who answers in the header, grouped messages,
 * one ended line, the launcher as close button, older choices closed, no keyboard popping up on phones.
 */
class WidgetConversationShapeBrowserTest {
    @TempDir
    Path temp;

    @Test
    void theHeaderFollowsTheBotIntoTheInboxAndAPhoneKeepsItsKeyboardClosed() {
        try (TestDatabase db = StoreKind.SQLITE.create(temp);
                Parley parley = Parley.start(db.settings(), DemoWorkspace.config(temp.resolve("flows")),
                        Clock.systemUTC(), Ids.random());
                Chromium chromium = Chromium.launch();
                BrowserContext phone = chromium.newContext(Chromium.PHONE)) {
            WidgetPage w = new WidgetPage(phone.newPage()).openDemo("http://127.0.0.1:" + parley.port(), "website");
            w.launcher().tap();
            w.panel().waitFor();
            Locator hello = w.item("Parley demo bot");
            assertThat(w.page.evaluate("() => document.querySelector('[data-parley-host]').shadowRoot.activeElement"
                    + " === null || document.querySelector('[data-parley-host]').shadowRoot.activeElement.tagName"))
                    .as("no input focused on a touch screen").isNotEqualTo("TEXTAREA");
            assertThat(w.page.locator(".pw-subtitle").textContent()).isEqualTo("You are chatting with Parley Bot");

            hello.locator("button.prl-option").filter(new Locator.FilterOptions().setHasText("Talk to a human")).tap();
            Locator nobody = w.item("Nobody is online right now.");
            Locator find = w.item("Let me find a colleague for you.");
            assertThat(find.getAttribute("class")).doesNotContain("prl-grouped");
            assertThat(nobody.getAttribute("class")).contains("prl-grouped");
            assertThat(nobody.locator(".prl-meta").isVisible()).isFalse();
            w.page.locator(".pw-subtitle").filter(new Locator.FilterOptions()
                    .setHasText("Waiting for the next free colleague")).waitFor();
        }
    }

    @Test
    void aNewerChoiceClosesTheOlderOneAndTheEndIsSaidOnce() {
        try (TestDatabase db = StoreKind.SQLITE.create(temp);
                Parley parley = Parley.start(db.settings(), DemoWorkspace.config(temp.resolve("flows")),
                        Clock.systemUTC(), Ids.random());
                Chromium chromium = Chromium.launch();
                BrowserContext desktop = chromium.newContext(Chromium.DESKTOP)) {
            WidgetPage w = new WidgetPage(desktop.newPage()).openDemo("http://127.0.0.1:" + parley.port(), "website")
                    .openChat();
            assertThat(w.launcher().locator(".pw-icon-close").isVisible()).as("the launcher closes").isTrue();
            assertThat(w.launcher().getAttribute("aria-label")).isEqualTo("Close chat");
            Locator hello = w.item("Parley demo bot");
            w.send("A short tour");
            Locator more = w.item("Anything else?");
            assertThat(hello.locator("button.prl-option").first().isDisabled()).as("the older choice is closed")
                    .isTrue();
            assertThat(more.locator("button.prl-option").first().isDisabled()).isFalse();

            more.locator("button.prl-option").filter(new Locator.FilterOptions().setHasText("That's all")).click();
            w.item("Thanks for trying Parley");
            w.page.locator(".pw-restart").waitFor();
            assertThat(w.page.locator(".pw-log, .pw-ended").getByText("ended").count())
                    .as("one line of the chat says the conversation ended").isEqualTo(1);
            assertThat(w.page.locator(".pw-subtitle").textContent()).isEqualTo("The conversation has ended");

            w.launcher().click();
            w.panel().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            assertThat(w.launcher().locator(".pw-icon-open").isVisible()).isTrue();
        }
    }
}
