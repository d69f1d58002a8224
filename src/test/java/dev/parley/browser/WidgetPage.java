package dev.parley.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.parley.json.Json;
import java.util.List;

/** The demo page with the widget, as a contact uses it; locators reach into the widget's shadow root. */
final class WidgetPage {
    /** Keeps every WebSocket the page opens in {@code window.__sockets}, so tests can cut them. */
    static final String TRACK_SOCKETS = """
            (() => {
              const Native = window.WebSocket;
              window.__sockets = [];
              window.WebSocket = function (url, protocols) {
                const ws = new Native(url, protocols);
                window.__sockets.push(ws);
                return ws;
              };
              window.WebSocket.prototype = Native.prototype;
              Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
            })();""";

    final Page page;

    WidgetPage(Page page) {
        this.page = page;
        page.setDefaultTimeout(15_000);
    }

    WidgetPage openDemo(String baseUrl, String widget) {
        page.navigate(baseUrl + "/demo?widget=" + widget);
        launcher().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        return this;
    }

    Locator launcher() {
        return page.locator(".pw-launcher");
    }

    Locator panel() {
        return page.locator(".pw-panel");
    }

    Locator input() {
        return page.locator(".pw-input");
    }

    Locator items() {
        return page.locator(".pw-log > .prl-item");
    }

    /** The newest rendered item whose text contains {@code text}, once it is there. */
    Locator item(String text) {
        Locator l = items().filter(new Locator.FilterOptions().setHasText(text)).last();
        l.waitFor();
        return l;
    }

    WidgetPage openChat() {
        launcher().click();
        panel().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        return this;
    }

    WidgetPage send(String text) {
        input().fill(text);
        input().press("Enter");
        return this;
    }

    /** The seq of every rendered item, in page order. */
    List<Long> seqs() {
        JsonNode list = Json.MAPPER.valueToTree(page.evaluate("() => [...document.querySelector('[data-parley-host]')"
                + ".shadowRoot.querySelectorAll('.pw-log > .prl-item')].map(e => Number(e.dataset.seq))"));
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(JsonNode::asLong).toList();
    }

    /** What the widget keeps in localStorage: contact token and conversation. */
    JsonNode stored() {
        Object raw = page.evaluate("() => Object.entries(localStorage).filter(([k]) => k.startsWith('parley:'))"
                + ".map(([, v]) => v)[0] || 'null'");
        try {
            return Json.MAPPER.readTree(String.valueOf(raw));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the widget stored no JSON: " + raw, e);
        }
    }

    String conversationId() {
        return stored().path("conversation_id").asText();
    }

    /** True when a payload managed to run script in the page. */
    boolean pwned() {
        return Boolean.TRUE.equals(page.evaluate("() => window.__pwned !== undefined"));
    }
}
