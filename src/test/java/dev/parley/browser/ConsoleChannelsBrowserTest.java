package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.parley.app.Parley;
import dev.parley.channel.ChannelType;
import dev.parley.channel.store.ChannelActivity;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationOpener;
import dev.parley.json.Json;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.testing.Chromium;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Channels page adds a WhatsApp channel and shows its webhook URL and verify token; a WhatsApp conversation
 * shows its channel in the list and header, and a bot's choice previews per channel (reply buttons on WhatsApp).
 */
class ConsoleChannelsBrowserTest {
    private static final String WORKSPACE = """
            public_base_url: https://chat.example.com
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
            bots:
              - { id: shopbot, name: Shop Bot, group: support, type: api, behavior: firewall, webhook_url: "%s" }
            widgets:
              - { id: web, name: Shop, group: support, chatbot_assignment: true }
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void anAdminAddsAWhatsAppChannelAndSeesItsConversationAndTheChoicePreviewPerChannel() throws Exception {
        Path verify = Files.writeString(temp.resolve("wa-verify-token"), "verify-me-7f3a\n");
        Path appSecret = Files.writeString(temp.resolve("wa-app-secret"), "app-secret-91c2");
        Browser.NewContextOptions withClipboard = new Browser.NewContextOptions().setViewportSize(1280, 1000)
                .setPermissions(List.of("clipboard-read", "clipboard-write"));
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
                TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE.formatted(bot.url()),
                        Map.of("ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext desktop = chromium.newContext(withClipboard);
                BrowserContext phone = chromium.newContext(Chromium.PHONE)) {
            String base = parley.baseUrl();
            Page page = ConsoleDriver.logIn(desktop, base, "ada@example.com", "ada-password");
            page.click("nav a[data-nav=channels]");
            PlaywrightAssertions.assertThat(page.locator(".channel-cards")).containsText("No channels yet");
            page.click("button:has-text('New channel')");
            page.locator(".channel-form input[name=id]").fill("wa-main");
            page.locator(".channel-form select[name=type]").selectOption("whatsapp");
            page.locator(".channel-form input[name=phone_number_id]").fill("106540352242922");
            page.locator(".channel-form input[name=access_token_ref]").fill("PATH");
            page.locator(".channel-form select[name=app_secret_source]").selectOption("file");
            page.locator(".channel-form input[name=app_secret_ref]").fill("/nonexistent/wa-app-secret");
            page.locator(".channel-form select[name=verify_token_source]").selectOption("file");
            page.locator(".channel-form input[name=verify_token_ref]").fill(verify.toString());
            page.click(".channel-form button[type=submit]");
            PlaywrightAssertions.assertThat(page.locator(".channel-form .notice.error"))
                    .containsText("app_secret_file: cannot read secret file /nonexistent/wa-app-secret");
            page.locator(".channel-form input[name=app_secret_ref]").fill(appSecret.toString());
            page.click(".channel-form button[type=submit]");

            String card = ".channel-card[data-id=wa-main]";
            PlaywrightAssertions.assertThat(page.locator(card + " input[data-copy=webhook-wa-main]"))
                    .hasValue("https://chat.example.com/channels/wa-main/webhook");
            PlaywrightAssertions.assertThat(page.locator(card + " input[data-copy=verify-wa-main]"))
                    .hasValue("verify-me-7f3a");
            PlaywrightAssertions.assertThat(page.locator(card + " .channel-type")).hasText("WhatsApp");
            PlaywrightAssertions.assertThat(page.locator(card + " .channel-widget")).containsText("Shop (web)");
            PlaywrightAssertions.assertThat(page.locator(card + " .last-inbound")).hasText("never");
            assertThat(page.content()).doesNotContain("app-secret-91c2", System.getenv("PATH"));
            page.click(card + " button[data-copy-button=webhook-wa-main]");
            assertThat(page.evaluate("navigator.clipboard.readText()"))
                    .isEqualTo("https://chat.example.com/channels/wa-main/webhook");

            Parley app = parley.parley();
            ChannelActivity activity = new ChannelActivity(app.database(), Clock.systemUTC());
            activity.recordInbound("wa-main");
            activity.recordOutbound("wa-main");
            activity.recordError("wa-main", "131047: Re-engagement message: more than 24 hours since the contact"
                    + " last wrote");
            page.reload();
            PlaywrightAssertions.assertThat(page.locator(card + " .last-error")).containsText("131047");
            PlaywrightAssertions.assertThat(page.locator(card + " .last-inbound time")).hasCount(1);
            ConsoleDriver.screenshot(page, "console-channels.png");
            page.click(card + " button:has-text('Edit')");
            PlaywrightAssertions.assertThat(page.locator(".channel-form input[name=verify_token_ref]"))
                    .hasValue(verify.toString());
            ConsoleDriver.screenshot(page, "console-channel-form.png");

            // a Telegram channel that registers its webhook at start, and a Threema channel in basic mode, which
            // needs no private key: the credential left empty is not sent
            page.click("button:has-text('New channel')");
            page.locator(".channel-form input[name=id]").fill("tg-main");
            page.locator(".channel-form select[name=type]").selectOption("telegram");
            page.locator(".channel-form input[type=checkbox]").check();
            page.locator(".channel-form input[name=bot_token_ref]").fill("PATH");
            page.locator(".channel-form input[name=secret_token_ref]").fill("PATH");
            page.click(".channel-form button[type=submit]");
            PlaywrightAssertions.assertThat(page.locator(".channel-card[data-id=tg-main] .channel-type"))
                    .hasText("Telegram");
            page.click(".channel-card[data-id=tg-main] button:has-text('Edit')");
            PlaywrightAssertions.assertThat(page.locator(".channel-form input[type=checkbox]")).isChecked();
            ConsoleDriver.screenshot(page, "console-channel-form-telegram.png");
            page.click("button:has-text('New channel')");
            page.locator(".channel-form input[name=id]").fill("threema-basic");
            page.locator(".channel-form select[name=type]").selectOption("threema");
            page.locator(".channel-form input[name=gateway_id]").fill("*PARLEY1");
            page.locator(".channel-form input[name=mode]").fill("basic");
            page.locator(".channel-form input[name=api_secret_ref]").fill("PATH");
            page.click(".channel-form button[type=submit]");
            PlaywrightAssertions.assertThat(page.locator(".channel-card[data-id=threema-basic] .channel-type"))
                    .hasText("Threema");

            Conversation conv = openWhatsApp(app);
            await().atMost(Duration.ofSeconds(20)).until(() -> !bot.calls().isEmpty());
            String token = http.post(base + "/api/v1/bots/shopbot/token", Map.of("Authorization", "Bearer "
                    + ConsoleDriver.token(page)), "").json().path("api_token").asText();
            HttpAnswer sent = http.post(base + "/api/chatbot/v1/bots/shopbot/events", Map.of("SECURITY-TOKEN", token),
                    Json.write(Json.object().<ObjectNode>set("info", Json.object().put("cid", bot.calls().getFirst().cid()))
                            .set("packet", bubbles())));
            assertThat(sent.status()).as("%s", sent).isEqualTo(200);

            page.navigate(base + "/console#/all/" + conv.id());
            String row = ".conv-row[data-id=" + conv.id() + "]";
            PlaywrightAssertions.assertThat(page.locator(row + " .channel-badge")).hasText("WhatsApp");
            PlaywrightAssertions.assertThat(page.locator(".conv-header .channel-badge")).hasText("WhatsApp");
            page.locator(".filters select[aria-label='Any channel']").selectOption("web");
            PlaywrightAssertions.assertThat(page.locator(row)).hasCount(0);
            page.locator(".filters select[aria-label='Any channel']").selectOption("whatsapp_business");
            PlaywrightAssertions.assertThat(page.locator(row)).hasCount(1);

            page.click(".transcript .channel-preview summary");
            String preview = ".transcript .channel-preview ";
            PlaywrightAssertions.assertThat(page.locator(preview + ".preview-card").first())
                    .hasAttribute("data-channel", "whatsapp_business");
            PlaywrightAssertions.assertThat(page.locator(preview + ".preview-card[data-channel=whatsapp_business]"))
                    .hasAttribute("data-form", "reply_buttons");
            PlaywrightAssertions.assertThat(page.locator(preview
                    + ".preview-card[data-channel=whatsapp_business] .preview-options li"))
                    .hasText(new String[] {"Track my order", "Returns", "Talk to a human"});
            PlaywrightAssertions.assertThat(page.locator(preview + ".preview-card[data-channel=facebook]"))
                    .hasAttribute("data-form", "button_template");
            PlaywrightAssertions.assertThat(page.locator(preview + ".preview-card[data-channel=sms] .preview-text"))
                    .hasText("Reply with a number:\n1. Track my order\n2. Returns\n3. Talk to a human");
            page.evaluate("document.querySelector('.transcript .prl-choice').scrollIntoView({block: 'start'})");
            ConsoleDriver.screenshot(page, "console-channel-preview.png");

            Page small = ConsoleDriver.logIn(phone, base, "ada@example.com", "ada-password");
            small.navigate(base + "/console#/channels");
            PlaywrightAssertions.assertThat(small.locator(card + " input[data-copy=webhook-wa-main]"))
                    .hasValue("https://chat.example.com/channels/wa-main/webhook");
            ConsoleDriver.screenshot(small, "console-channels-phone.png");
            small.navigate(base + "/console#/all/" + conv.id());
            PlaywrightAssertions.assertThat(small.locator(".conv-header .channel-badge")).hasText("WhatsApp");
            small.click(".transcript .channel-preview summary");
            PlaywrightAssertions.assertThat(small.locator(".transcript .preview-card")).hasCount(7);
            small.evaluate("document.querySelector('.transcript .prl-choice').scrollIntoView({block: 'start'})");
            ConsoleDriver.screenshot(small, "console-channel-preview-phone.png");
        }
    }

    @Test
    void theFlowTestChatPreviewsAChoiceOnEachChannel() throws Exception {
        Path flow = Files.writeString(temp.resolve("topics.yml"), """
                id: topics
                name: Topics
                start: welcome
                nodes:
                  welcome:
                    say: "Which topic?"
                    choices:
                      - { id: orders, label: "Orders", next: bye }
                      - { id: returns, label: "Returns", next: bye }
                      - { id: payment, label: "Payment", next: bye }
                      - { id: delivery, label: "Delivery", next: bye }
                      - { id: account, label: "My account", next: bye }
                      - { id: vouchers, label: "Vouchers", next: bye }
                      - { id: other, label: "Something else", next: bye }
                  bye: { say: "Thanks!", end: true }
                """);
        String workspace = """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                bots:
                  - { id: topics, name: Topics, group: support, type: flow, behavior: human, flow: "%s" }
                widgets: [{ id: web, name: Shop, group: support }]
                """.formatted(flow);
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, workspace, Map.of("ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext desktop = chromium.newContext(Chromium.DESKTOP)) {
            Page page = ConsoleDriver.logIn(desktop, parley.baseUrl(), "ada@example.com", "ada-password");
            page.navigate(parley.baseUrl() + "/console#/flows/topics");
            page.getByText("Start a test chat").click();
            page.locator(".test-chat .channel-preview summary").click();
            String preview = ".test-chat .channel-preview ";
            PlaywrightAssertions.assertThat(page.locator(preview + ".preview-card").first())
                    .hasAttribute("data-channel", "web");
            PlaywrightAssertions.assertThat(page.locator(preview + ".preview-card[data-channel=whatsapp_business]"))
                    .hasAttribute("data-form", "list");
            PlaywrightAssertions.assertThat(page.locator(preview
                    + ".preview-card[data-channel=whatsapp_business] .preview-options li")).hasCount(7);
            PlaywrightAssertions.assertThat(page.locator(preview + ".preview-card[data-channel=facebook]"))
                    .hasAttribute("data-form", "quick_replies");
            PlaywrightAssertions.assertThat(page.locator(preview + ".preview-card[data-channel=threema] .preview-text"))
                    .containsText("7. Something else");
        }
    }

    private static Conversation openWhatsApp(Parley app) {
        return app.database().write(tx -> {
            Widget widget = new WorkspaceStore().openWidget(tx.handle(), "web").orElseThrow();
            Contact contact = new Contact("ct_wa_4915112345678", Optional.of("Jana Weber"), Optional.empty(),
                    Optional.of("+4915112345678"), Optional.empty(), Optional.empty(), Json.object(), Json.object(),
                    Json.object(), Instant.now());
            new ContactStore().insert(tx, contact);
            return app.opener().open(tx, new ConversationOpener.Opening(widget, ChannelType.WHATSAPP, contact,
                    Optional.empty(), false, Map.of(), new ConversationOpener.First.FromContact(
                            new ChatPacket.Start(Optional.of("Hi, where is my parcel?"), Optional.empty())),
                    new ConversationOpener.Handling.Route(false)), Instant.now());
        });
    }

    private static ObjectNode bubbles() {
        ObjectNode payload = Json.object().put("body", "How can I help?").put("fallback", "Reply with a number:");
        ArrayNode options = payload.putArray("options");
        options.addObject().put("id", "track").put("label", "Track my order");
        options.addObject().put("id", "returns").put("label", "Returns");
        options.addObject().put("id", "human").put("label", "Talk to a human");
        return Json.object().put("name", "bubbles").set("payload", payload);
    }
}
