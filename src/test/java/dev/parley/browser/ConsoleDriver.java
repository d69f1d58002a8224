package dev.parley.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drives the operator console in a browser page as an operator would, plus the few HTTP calls tests need. */
final class ConsoleDriver {
    private ConsoleDriver() {}

    /** Opens the console in a new page of {@code context} and logs in. */
    static Page logIn(BrowserContext context, String baseUrl, String email, String password) {
        Page page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        page.navigate(baseUrl + "/console");
        page.fill("input[name=email]", email);
        page.fill("input[name=password]", password);
        page.click("form.login button[type=submit]");
        page.waitForSelector(".top .who");
        page.waitForSelector(".live.on");
        return page;
    }

    /** The operator token the page logged in with. */
    static String token(Page page) {
        return (String) page.evaluate("JSON.parse(sessionStorage.getItem('parley.console.session')).token");
    }

    /** The seqs of the transcript items the conversation view shows, in page order. */
    @SuppressWarnings("unchecked")
    static List<Integer> shownSeqs(Page page) {
        return (List<Integer>) page.evaluate(
                "[...document.querySelectorAll('.transcript .prl-item[data-seq]')].map(e => Number(e.dataset.seq))");
    }

    /** Opens a conversation for a contact with a name, e-mail and page tags; answers the contact. */
    static WebContact openContact(JsonHttp http, String baseUrl, String widget, String name, String email,
            Map<String, String> pageTags) {
        ObjectNode body = Json.object();
        body.putObject("contact").put("name", name).put("email", email);
        ObjectNode tags = body.putObject("page_tags");
        pageTags.forEach((tag, value) -> tags.putObject(tag).put("value", value));
        body.put("page_url", "https://shop.example/checkout");
        HttpAnswer opened = http.post(baseUrl + "/api/web/v1/widgets/" + widget + "/conversations", Map.of(),
                Json.write(body));
        if (opened.status() != 201) {
            throw new AssertionError("opening a conversation failed: " + opened);
        }
        JsonNode answer = opened.json();
        return WebContact.of(http, baseUrl, answer.path("conversation_id").asText(),
                answer.path("contact_token").asText());
    }

    /** Saves a screenshot for the docs when {@code -Dparley.screenshots=<dir>} is set; CI leaves the docs alone. */
    static void screenshot(Page page, String name) {
        Optional.ofNullable(System.getProperty("parley.screenshots")).filter(s -> !s.isBlank()).ifPresent(dir ->
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir).resolve(name))
                        .setAnimations(ScreenshotAnimations.DISABLED)));
    }
}
