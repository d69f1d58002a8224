package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.json.Json;
import dev.parley.testing.Chromium;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markup from contacts, bots and operators shows as text in the console and never runs. */
class ConsoleHostileMarkupBrowserTest {
    static final String IMG = "<img src=x onerror=window.__pwned=1>";
    static final String SCRIPT = "<script>window.__pwned=1</script>";
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
            bots:
              - { id: mallory, name: "Mallory", group: support, type: api, behavior: firewall, webhook_url: "%s" }
            widgets: [{ id: web, name: Web, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    static ObjectNode event(String cid, String name, ObjectNode payload) {
        ObjectNode e = Json.object();
        e.putObject("info").put("cid", cid);
        e.putObject("packet").put("name", name).set("payload", payload);
        return e;
    }

    /** At the start: hostile texts in every kind of packet the console renders, then to the inbox. */
    static WebhookRecorder hostileBot() {
        return WebhookRecorder.start((h, body) -> {
            JsonNode call = Json.MAPPER.readTree(body);
            if (!call.path("packet").path("name").asText().equals("start")) {
                return WebhookRecorder.Reply.empty();
            }
            String cid = call.path("info").path("cid").asText();
            ArrayNode answer = Json.array();
            answer.add(event(cid, "message", Json.object().put("body", IMG + SCRIPT)));
            answer.add(event(cid, "message", Json.object().put("text_format", "markdown_v1")
                    .put("body", "**bold** " + IMG + " [click me](javascript:window.__pwned=1) " + SCRIPT)));
            ObjectNode bubbles = Json.object().put("body", "Pick " + IMG).put("fallback", "Pick " + SCRIPT);
            bubbles.putArray("options").add(Json.object().put("id", "a").put("label", IMG))
                    .add(Json.object().put("id", "b").put("label", SCRIPT));
            answer.add(event(cid, "bubbles", bubbles));
            ObjectNode update = Json.object().put("name", "Eve " + IMG);
            update.putObject("custom_fields").put("tier", IMG + SCRIPT);
            answer.add(event(cid, "contact_update", update));
            answer.add(event(cid, "conversation_update", Json.object().put("subject", "Subject " + IMG)));
            answer.add(event(cid, "note_create", Json.object().put("body", "Bot note " + IMG)));
            answer.add(event(cid, "forward_any", Json.object()));
            return WebhookRecorder.Reply.json(answer);
        });
    }

    @Test
    void hostileMarkupIsShownAsTextAndNothingRuns() throws Exception {
        try (WebhookRecorder bot = hostileBot();
                TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE.formatted(bot.url()),
                        Map.of("ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext browser = chromium.newContext(Chromium.DESKTOP)) {
            String base = parley.baseUrl();
            WebContact contact = ConsoleDriver.openContact(http, base, "web", SCRIPT + IMG, "eve@example.com",
                    Map.of("campaign", IMG));
            contact.awaitItem("in the inbox", Items.packet("conversation_forwarded"));
            upload(contact, IMG + ".png", "image/png", png());
            upload(contact, IMG + ".txt", "text/plain", "order A-1042".getBytes(StandardCharsets.UTF_8));
            contact.awaitItem("text upload", i -> i.path("packet").path("payload").path("filename").asText()
                    .endsWith(".txt"));

            Page page = ConsoleDriver.logIn(browser, base, "ada@example.com", "ada-password");
            page.click("nav a[data-nav=inbox]");
            PlaywrightAssertions.assertThat(page.locator(".conv-row .conv-name")).containsText("Eve " + IMG);
            page.locator(".conv-row a").first().click();
            PlaywrightAssertions.assertThat(page.locator(".transcript")).containsText(IMG + SCRIPT);
            page.click("button[data-action=take]");
            PlaywrightAssertions.assertThat(page.locator(".conv-header .badge")).hasText("assigned");
            page.fill("textarea[aria-label=Reply]", "Operator " + IMG + " [x](javascript:window.__pwned=1) " + SCRIPT);
            page.check("input[name=markdown]");
            page.click(".composer button[type=submit]");
            page.fill("textarea[aria-label=Note]", "Operator note " + IMG + SCRIPT);
            page.click(".note-form button[type=submit]");
            PlaywrightAssertions.assertThat(page.locator(".notes")).containsText("Operator note " + IMG + SCRIPT);
            PlaywrightAssertions.assertThat(page.locator(".transcript")).containsText("Operator " + IMG);

            String transcript = page.locator(".transcript").textContent();
            assertThat(transcript).contains("Pick " + IMG, IMG + ".txt", "Bot note " + IMG, "click me");
            assertThat(page.locator(".transcript .prl-media img").getAttribute("alt")).isEqualTo(IMG + ".png");
            String side = page.locator(".side").textContent();
            assertThat(side).contains("Eve " + IMG, IMG + SCRIPT, "Subject " + IMG, "Bot note " + IMG);
            page.locator(".prl-option, .prl-choice button").first().waitFor();
            assertThat(page.locator(".prl-choice").textContent()).contains(IMG, SCRIPT);

            page.reload();
            PlaywrightAssertions.assertThat(page.locator(".transcript")).containsText("Operator note " + IMG);
            assertThat(page.evaluate("typeof window.__pwned")).isEqualTo("undefined");
            assertThat(page.locator("#app img[src='x'], #app [onerror], #app script").count()).isZero();
            assertThat(page.locator("#app a[href^='javascript' i]").count()).isZero();
            assertThat(page.locator(".transcript .prl-item[data-packet=message] strong").first().textContent())
                    .isEqualTo("bold");
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private void upload(WebContact contact, String filename, String type, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "parleyboundary42";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.client().send(HttpRequest.newBuilder(URI.create(contact.url("/media")))
                .header("Authorization", "Bearer " + contact.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }
}
