package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.Items;
import java.nio.charset.StandardCharsets;
import dev.parley.testing.Chromium;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox as a support team uses it: unread counts on rows and views that follow the contact live, a
 * conversation that is read once it is open, canned responses with "/", and the same on a phone.
 */
class ConsoleInboxBrowserTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada Lovelace, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
            widgets: [{ id: web, name: Shop, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @Test
    void unreadCountsFollowTheContactAndCannedResponsesAreOneSlashAway() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE, Map.of("ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext desktop = chromium.newContext(Chromium.DESKTOP)) {
            String base = parley.baseUrl();
            WebContact maria = ConsoleDriver.openContact(http, base, "web", "Maria Jensen", "maria@example.com",
                    Map.of("section", "checkout"));
            maria.say("Hello?");
            maria.say("My order has not arrived.");
            Page ada = ConsoleDriver.logIn(desktop, base, "ada@example.com", "ada-password");
            String auth = "Bearer " + ConsoleDriver.token(ada);
            assertThat(http.post(base + "/api/v1/canned-responses", Map.of("Authorization", auth),
                    "{\"shortcut\": \"delay\", \"body\": \"Sorry for the delay; I am checking your order now.\"}")
                    .status()).isEqualTo(201);

            Locator row = ada.locator(".conv-row[data-id='" + maria.conversationId() + "']");
            assertThat(row.locator(".unread-count")).hasText("2");
            assertThat(ada.locator("[data-count=inbox]")).hasText("1");
            assertThat(ada.locator("[data-count=inbox]")).hasClass("nav-count has-unread");
            maria.say("Anyone there?");
            assertThat(row.locator(".unread-count")).hasText("3");
            ConsoleDriver.screenshot(ada, "console-inbox-unread.png");

            row.locator("a").click();
            assertThat(ada.locator(".transcript")).containsText("Anyone there?");
            assertThat(row.locator(".unread-count")).hasCount(0);
            assertThat(ada.locator("[data-count=inbox]")).hasText("1");
            assertThat(ada.locator("[data-count=inbox]")).hasClass("nav-count");
            ada.click("button[data-action=take]");
            assertThat(ada.locator("[data-count=mine]")).hasText("1");
            assertThat(ada.locator("[data-count=mine]")).hasClass("nav-count");
            assertThat(ada.locator("[data-count=inbox]")).hasText("");

            Locator reply = ada.locator("textarea[aria-label=Reply]");
            reply.pressSequentially("/del");
            assertThat(ada.locator(".canned-picker li[data-shortcut=delay]")).isVisible();
            ConsoleDriver.screenshot(ada, "console-canned.png");
            reply.press("Enter");
            assertThat(reply).hasValue("Sorry for the delay; I am checking your order now.");
            reply.press("Enter");
            assertThat(ada.locator(".transcript")).containsText("Sorry for the delay");
            maria.awaitItem("the canned reply", i -> i.path("packet").path("payload").path("body").asText()
                    .equals("Sorry for the delay; I am checking your order now."));

            ada.locator("input[name=file]").setInputFiles(new FilePayload("label.pdf", "application/pdf",
                    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                            .getBytes(StandardCharsets.UTF_8)));
            JsonNode file = maria.awaitItem("the file", Items.packet("media"));
            assertThat(file.path("author").path("type").asText()).isEqualTo("operator");
            assertThat(file.path("packet").path("payload").path("mime_type").asText()).isEqualTo("application/pdf");
            assertThat(ada.locator(".transcript .prl-item[data-packet=media]")).hasCount(1);
            ada.locator("input[name=file]").setInputFiles(new FilePayload("page.png", "image/png",
                    "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
            assertThat(ada.locator(".composer .notice")).containsText("markup");
        }
    }

    /** Records the notifications the page shows (the browser's own Notification, wrapped to be observed). */
    static final String RECORD_NOTIFICATIONS = """
            window.__notes = [];
            const Real = window.Notification;
            class Recorded extends Real {
                constructor(title, options) {
                    super(title, options);
                    window.__notes.push(title + ' | ' + ((options && options.body) || ''));
                }
            }
            Object.defineProperty(Recorded, 'permission', {get: () => Real.permission});
            Recorded.requestPermission = () => Real.requestPermission();
            window.Notification = Recorded;
            """;

    @Test
    void desktopNotificationsTellOfNewInboxConversationsAndMessagesAndCanBeTurnedOff() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE, Map.of("ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext desktop = chromium.newContext(Chromium.DESKTOP)) {
            String base = parley.baseUrl();
            desktop.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions()
                    .setOrigin(base));
            desktop.addInitScript(RECORD_NOTIFICATIONS);
            Page ada = ConsoleDriver.logIn(desktop, base, "ada@example.com", "ada-password");
            assertThat(ada.locator(".notify-toggle")).hasText("Notifications on");

            WebContact maria = ConsoleDriver.openContact(http, base, "web", "Maria Jensen", "maria@example.com",
                    Map.of("section", "checkout"));
            maria.say("Hello, is my parcel lost?");
            await().atMost(Duration.ofSeconds(20)).until(() -> notes(ada).stream()
                    .anyMatch(n -> n.startsWith("New conversation in the inbox | Maria Jensen")));
            maria.say("It has order number A-1042.");
            await().atMost(Duration.ofSeconds(20)).until(() -> notes(ada).contains(
                    "Maria Jensen | It has order number A-1042."));

            ada.click(".notify-toggle");
            assertThat(ada.locator(".notify-toggle")).hasText("Notifications off");
            int shown = notes(ada).size();
            WebContact tom = ConsoleDriver.openContact(http, base, "web", "Tom Becker", "tom@example.com", Map.of());
            tom.say("Hi there");
            assertThat(ada.locator(".conv-row[data-id='" + tom.conversationId() + "']")).isVisible();
            assertThat(notes(ada)).as("turned off").hasSize(shown);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> notes(Page page) {
        return (List<String>) page.evaluate("window.__notes");
    }

    @Test
    void thePhoneWidthConsoleShowsTheListOrTheConversationWithoutScrollingSideways() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE, Map.of("ADA_PW", "ada-password"));
                Chromium chromium = Chromium.launch();
                BrowserContext phone = chromium.newContext(Chromium.PHONE)) {
            String base = parley.baseUrl();
            WebContact maria = ConsoleDriver.openContact(http, base, "web", "Maria Jensen", "maria@example.com",
                    Map.of("section", "checkout"));
            maria.say("Where is my parcel? It should have arrived yesterday.");
            Page ada = ConsoleDriver.logIn(phone, base, "ada@example.com", "ada-password");
            Locator row = ada.locator(".conv-row[data-id='" + maria.conversationId() + "']");
            assertThat(row).isVisible();
            assertThat(row.locator(".unread-count")).hasText("1");
            assertThat(noSidewaysScroll(ada)).isTrue();
            ConsoleDriver.screenshot(ada, "console-inbox-phone.png");

            row.locator("a").click();
            assertThat(ada.locator(".transcript")).containsText("Where is my parcel?");
            assertThat(ada.locator(".list-pane")).isHidden();
            assertThat(ada.locator("a.back")).isVisible();
            ada.click("button[data-action=take]");
            assertThat(ada.locator("textarea[aria-label=Reply]")).isEnabled();
            assertThat(noSidewaysScroll(ada)).isTrue();
            ConsoleDriver.screenshot(ada, "console-conversation-phone.png");
            ada.click("a.back");
            assertThat(ada.locator(".list-pane")).isVisible();

            ada.navigate(base + "/console#/team");
            assertThat(ada.locator("table.operators")).containsText("Ada Lovelace");
            ConsoleDriver.screenshot(ada, "console-team-phone.png");
        }
    }

    static boolean noSidewaysScroll(Page page) {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }
}
