package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.Chromium;
import dev.parley.testing.HexHmac;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WinbackWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A logged-in user has the shop's page open and the chat closed when Braze reaches out: the conversation pops up
 * on that page within seconds, without a reload.
 */
class WidgetLivePickupBrowserTest {
    /**
     * Counts the widget's long polls for new conversations in {@code window.__polls}, and lets the test hide and
     * show the page ({@code window.__setVisible}) as switching tabs does.
     */
    private static final String PROBES = """
            (() => {
              const nativeFetch = window.fetch;
              window.__polls = { started: 0, running: 0 };
              window.fetch = function (url) {
                if (!String(url).includes('/conversations?wait=')) {
                  return nativeFetch.apply(this, arguments);
                }
                window.__polls.started++;
                window.__polls.running++;
                return nativeFetch.apply(this, arguments).finally(() => window.__polls.running--);
              };
              let visible = true;
              Object.defineProperty(document, 'visibilityState', { configurable: true,
                get: () => visible ? 'visible' : 'hidden' });
              Object.defineProperty(document, 'hidden', { configurable: true, get: () => !visible });
              window.__setVisible = value => {
                visible = value;
                document.dispatchEvent(new Event('visibilitychange'));
              };
            })();""";
    private static final String OFFER = "Hi Ada! We miss you. As a welcome back: 20% off your next order.";

    @TempDir
    Path temp;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private WidgetParley parley;
    private BrowserContext context;
    private ShopServer shop;

    private <T extends AutoCloseable> T kept(T resource) {
        resources.push(resource);
        return resource;
    }

    @BeforeEach
    void start() {
        BrazeStandIn braze = kept(BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY));
        parley = kept(WidgetParley.start(StoreKind.SQLITE, temp, WinbackWorkspace.yaml(braze.url()),
                WinbackWorkspace.env()));
        context = kept(kept(Chromium.launch()).newContext(Chromium.DESKTOP));
        shop = kept(ShopServer.serving(ShopServer.accountPage(parley.baseUrl(), "user-42",
                HexHmac.of(WinbackWorkspace.IDENTITY_SECRET, "user-42"))));
    }

    @AfterEach
    void stop() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    /** Opens the account page of user-42 and waits until the widget long-polls with the chat closed. */
    private WidgetPage idleOnAccountPage() {
        Page page = context.newPage();
        page.addInitScript(PROBES);
        WidgetPage w = new WidgetPage(page);
        page.navigate(shop.url("/account"));
        page.waitForFunction("() => window.__polls.running === 1");
        assertThat(w.panel().isHidden()).isTrue();
        page.evaluate("() => { window.__samePage = true; }");
        return w;
    }

    private String outreach() {
        return WinbackWorkspace.outreach(parley.http(), parley.baseUrl(), "winback-42", "user-42");
    }

    /** The chat pops up within a few seconds with the outreach's offer, on the same page (no reload). */
    private static void popsUpWith(WidgetPage w, String conversation) {
        w.panel().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(Duration.ofSeconds(5).toMillis()));
        w.item(OFFER);
        assertThat(w.conversationId()).isEqualTo(conversation);
        assertThat(w.page.evaluate("() => window.__samePage")).isEqualTo(true);
    }

    @Test
    void anOutreachPopsUpOnThePageTheVisitorHasOpenAndTheyAnswer() {
        WidgetPage w = idleOnAccountPage();

        String conversation = outreach();
        popsUpWith(w, conversation);

        // while the visitor chats, the widget does not poll for new conversations
        w.page.waitForFunction("() => window.__polls.running === 0");
        w.send("yes please");
        w.item("Great, we have saved the offer for you.");
        w.item("Have a nice day!");
        assertThat(w.seqs()).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aHiddenPageDoesNotPollAndPicksTheOutreachUpWhenShownAgain() {
        WidgetPage w = idleOnAccountPage();

        w.page.evaluate("() => window.__setVisible(false)");
        w.page.waitForFunction("() => window.__polls.running === 0");
        Object started = w.page.evaluate("() => window.__polls.started");
        String conversation = outreach();
        w.page.waitForTimeout(3000);
        assertThat(w.panel().isHidden()).isTrue();
        assertThat(w.page.evaluate("() => window.__polls.started")).isEqualTo(started);

        w.page.evaluate("() => window.__setVisible(true)");
        popsUpWith(w, conversation);
    }
}
