package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import dev.parley.testing.Chromium;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's embed snippet, pasted into a customer's page on another origin, just works. */
class WidgetEmbedBrowserTest {
    @TempDir
    Path temp;

    @Test
    void theConsoleSnippetWorksOnAnotherOrigin() throws Exception {
        try (WidgetBot bot = WidgetBot.start();
                WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                        WidgetParley.workspace(bot.webhookUrl(), false), Map.of("BOT_TOKEN", "bee-token"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            String snippet = parley.http().get(parley.baseUrl() + "/api/v1/widgets/web",
                    Map.of("Authorization", "Bearer " + parley.adminToken())).json().path("embed_snippet").asText();
            assertThat(snippet).isEqualTo("<script src=\"" + parley.baseUrl()
                    + "/widget.js\" data-parley-widget=\"web\" async></script>");
            String page = "<!doctype html><html><head><title>Shop</title><style>* { color: red !important;"
                    + " font-size: 40px !important; } button { display: none !important; }</style></head>"
                    + "<body data-parley-tag=\"shop_home\"><h1>Another shop</h1>" + snippet + "</body></html>";
            try (ShopServer shop = ShopServer.serving(page)) {
                WidgetPage w = new WidgetPage(context.newPage());
                w.page.navigate(shop.url("/"));
                w.launcher().waitFor();
                assertThat(w.launcher().evaluate("b => getComputedStyle(b).display")).isEqualTo("flex");
                w.openChat();
                w.item("Northwind assistant");
                assertThat(w.item("Northwind assistant").locator(".prl-text")
                        .evaluate("e => getComputedStyle(e).fontSize")).isEqualTo("15px");
                w.send("across origins");
                w.item("You said: across origins");
                assertThat(bot.recorder().calls().getFirst().info().path("contact").path("page_tags").has("shop_home"))
                        .isTrue();
            }
        }
    }

    @Test
    void assetsDemoAndPreflightAnswers() throws IOException, InterruptedException {
        try (WidgetParley parley = WidgetParley.start(StoreKind.SQLITE, temp,
                WidgetParley.workspace("http://127.0.0.1:9/unused", false), Map.of("BOT_TOKEN", "bee-token"))) {
            HttpAnswer script = parley.http().get(parley.baseUrl() + "/widget.js", Map.of());
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.header("Content-Type").orElseThrow()).startsWith("text/javascript");
            assertThat(script.body()).contains("root.ParleyRender = {").contains("data-parley-widget");
            HttpAnswer css = parley.http().get(parley.baseUrl() + "/widget.css", Map.of());
            assertThat(css.header("Content-Type").orElseThrow()).startsWith("text/css");
            assertThat(css.body()).contains(".prl-bubble").contains(".pw-launcher");
            assertThat(parley.http().get(parley.baseUrl() + "/demo?widget=web", Map.of()).body())
                    .contains("<script src=\"/widget.js\" data-parley-widget=\"web\" async></script>");
            HttpAnswer bad = parley.http().get(parley.baseUrl() + "/demo?widget=%3Cscript%3E", Map.of());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).doesNotContain("<script>");

            HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    parley.baseUrl() + "/api/web/v1/conversations/c1/messages"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://shop.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                    .contains("Authorization");
            HttpAnswer refused = parley.http().post(parley.baseUrl() + "/api/web/v1/widgets/nope/conversations",
                    Map.of("Origin", "https://shop.example"), "{}");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.header("Access-Control-Allow-Origin")).hasValue("*");
        }
    }
}
