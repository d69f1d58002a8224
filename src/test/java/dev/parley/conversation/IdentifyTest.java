package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.HexHmac;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WinbackWorkspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signed visitor identity: the site vouches for its logged-in user, and the widget becomes that contact. */
class IdentifyTest {
    static final String SECRET = WinbackWorkspace.IDENTITY_SECRET;

    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    private TestParley start(StoreKind kind, BrazeStandIn braze) {
        return TestParley.start(kind, temp, WinbackWorkspace.yaml(braze.url()), WinbackWorkspace.env());
    }

    private HttpAnswer identify(TestParley parley, String widget, ObjectNode body) {
        return http.post(parley.baseUrl() + "/api/web/v1/widgets/" + widget + "/identify", Map.of(), Json.write(body));
    }

    private static ObjectNode signed(String externalId) {
        return Json.object().put("external_id", externalId).put("signature", HexHmac.of(SECRET, externalId));
    }

    private String outreach(TestParley parley, String outreachId, String externalId) {
        return WinbackWorkspace.outreach(http, parley.baseUrl(), outreachId, externalId);
    }

    private WebContact anonymous(TestParley parley) {
        return WebContact.open(http, parley.baseUrl(), "web");
    }

    private static int count(TestParley parley, String sql) {
        return parley.parley().database().read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static List<String> externalIds(TestParley parley) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT COALESCE(external_customer_id, '-') FROM contacts ORDER BY created_at, id")
                .mapTo(String.class).list());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void browsersIdentifyingAsTheSameNewUserAtOnceMakeOneContact(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY); TestParley parley = start(kind, braze)) {
            int users = 10;
            int browsers = 6;
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String externalId = "rush-" + u;
                for (int b = 0; b < browsers; b++) {
                    calls.add(() -> identify(parley, "web", signed(externalId)).status());
                }
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(users * browsers)) {
                for (Future<Integer> status : pool.invokeAll(calls)) {
                    assertThat(status.get()).isEqualTo(200);
                }
            }
            assertThat(externalIds(parley)).as("one contact per user, however many browsers identified at once")
                    .hasSize(users).doesNotHaveDuplicates();
            assertThat(count(parley, "SELECT COUNT(*) FROM contact_tokens")).isEqualTo(users * browsers);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aVisitorIdentifiedForTheFirstTimeSeesTheOutreachAndAnswersTheFlow(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY); TestParley parley = start(kind, braze)) {
            String conversation = outreach(parley, "winback-42", "user-42");

            HttpAnswer identified = identify(parley, "web", signed("user-42"));
            assertThat(identified.status()).as("%s", identified).isEqualTo(200);
            String token = identified.json().path("contact_token").asText();
            assertThat(token).hasSize(64);
            JsonNode open = identified.json().path("conversations");
            assertThat(open).hasSize(1);
            assertThat(open.get(0).path("conversation_id").asText()).isEqualTo(conversation);
            assertThat(open.get(0).path("proactive").asBoolean()).isTrue();
            assertThat(open.get(0).has("last_seq")).isTrue();

            WebContact visitor = WebContact.of(http, parley.baseUrl(), conversation, token);
            JsonNode offer = visitor.awaitItem("offer", Items.fromBot("button_template"));
            assertThat(Items.bodyOf(offer)).isEqualTo("Hi Ada! We miss you. As a welcome back: 20% off your next order.");
            assertThat(visitor.click(offer.path("id").asText(), "accept").status()).isEqualTo(202);
            visitor.awaitBotMessage("Great, we have saved the offer for you.");

            // a second browser gets its own token; the first one keeps working
            HttpAnswer second = identify(parley, "web", signed("user-42"));
            assertThat(second.json().path("contact_id").asText()).isEqualTo(identified.json().path("contact_id")
                    .asText());
            assertThat(second.json().path("contact_token").asText()).isNotEqualTo(token);
            visitor.awaitBotMessage("Have a nice day!");
            HttpAnswer listed = http.get(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", visitor.auth());
            assertThat(listed.status()).as("%s", listed).isEqualTo(200);
            assertThat(listed.json().path("conversations")).isEmpty();
            assertThat(count(parley, "SELECT COUNT(*) FROM contacts")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anAnonymousVisitorWhoLogsInKeepsTheirContactUnlessTheUserIsKnown(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY); TestParley parley = start(kind, braze)) {
            WebContact chatting = anonymous(parley);
            HttpAnswer loggedIn = identify(parley, "web", signed("new-user").put("contact_token", chatting.token()));
            assertThat(loggedIn.status()).as("%s", loggedIn).isEqualTo(200);
            assertThat(loggedIn.json().path("contact_token").asText()).isEqualTo(chatting.token());
            assertThat(loggedIn.json().path("conversations").get(0).path("conversation_id").asText())
                    .isEqualTo(chatting.conversationId());
            assertThat(loggedIn.json().path("conversations").get(0).path("proactive").asBoolean()).isFalse();
            assertThat(externalIds(parley)).containsExactly("new-user");

            // someone else logs in on a browser that chatted anonymously: they become the known user
            String known = outreach(parley, "winback-9", "user-9");
            WebContact other = anonymous(parley);
            HttpAnswer switched = identify(parley, "web", signed("user-9").put("contact_token", other.token()));
            assertThat(switched.status()).as("%s", switched).isEqualTo(200);
            assertThat(switched.json().path("contact_token").asText()).isNotEqualTo(other.token());
            assertThat(switched.json().path("conversations").get(0).path("conversation_id").asText())
                    .isEqualTo(known);
            assertThat(externalIds(parley)).containsExactly("new-user", "user-9", "-");
            assertThat(other.write("still here").status()).isEqualTo(202);

            // a token that is no longer valid does not matter: the signature says who the visitor is
            HttpAnswer stale = identify(parley, "web", signed("user-9").put("contact_token", "f".repeat(64)));
            assertThat(stale.status()).as("%s", stale).isEqualTo(200);
            assertThat(stale.json().path("contact_id").asText()).isEqualTo(switched.json().path("contact_id")
                    .asText());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBadSignatureIsRefusedAndChangesNothing(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY); TestParley parley = start(kind, braze)) {
            outreach(parley, "winback-42", "user-42");
            WebContact chatting = anonymous(parley);
            int tokens = count(parley, "SELECT COUNT(*) FROM contact_tokens");
            List<ObjectNode> forged = List.of(
                    Json.object().put("external_id", "user-42").put("signature", HexHmac.of(SECRET, "user-43")),
                    Json.object().put("external_id", "user-42")
                            .put("signature", HexHmac.of("another-secret-of-32-characters!", "user-42")),
                    Json.object().put("external_id", "user-42").put("signature", lastDigitChanged(
                            HexHmac.of(SECRET, "user-42"))),
                    signed("user-42").put("external_id", "user-42 "));
            for (ObjectNode body : forged) {
                HttpAnswer refused = identify(parley, "web", body.put("contact_token", chatting.token()));
                assertThat(refused.status()).as("%s", refused).isEqualTo(401);
                assertThat(refused.json().path("error").path("code").asText()).isEqualTo("invalid_signature");
                assertThat(refused.json().path("error").path("path").asText()).isEqualTo("signature");
                assertThat(refused.body()).doesNotContain(SECRET).doesNotContain(HexHmac.of(SECRET, "user-42"));
            }
            assertThat(count(parley, "SELECT COUNT(*) FROM contact_tokens")).isEqualTo(tokens);
            assertThat(externalIds(parley)).containsExactly("user-42", "-");

            // upper-case hex is the same signature
            HttpAnswer upper = identify(parley, "web", Json.object().put("external_id", "user-42")
                    .put("signature", HexHmac.of(SECRET, "user-42").toUpperCase()));
            assertThat(upper.status()).as("%s", upper).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWidgetWithoutIdentityOrBadInputIsAClearClientError(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY); TestParley parley = start(kind, braze)) {
            expect(identify(parley, "plain", signed("user-42")), 404, "identity_not_set_up",
                    "widget 'plain' has no signed visitor identity");
            expect(identify(parley, "nope", signed("user-42")), 404, "not_found", "widget");

            ObjectNode good = signed("user-42");
            expect(identify(parley, "web", Json.object().put("signature", good.path("signature").asText())), 400,
                    "invalid_field", "external_id is required");
            expect(identify(parley, "web", good.deepCopy().put("external_id", "x".repeat(201))), 400,
                    "invalid_field", "external_id");
            expect(identify(parley, "web", good.deepCopy().put("external_id", 42)), 400, "invalid_field",
                    "external_id must be a string");
            expect(identify(parley, "web", Json.object().put("external_id", "user-42")), 400, "invalid_field",
                    "signature is required");
            expect(identify(parley, "web", good.deepCopy().put("signature", "not-hex")), 400, "invalid_field",
                    "signature must be 64 hex digits");
            expect(identify(parley, "web", good.deepCopy().put("signature", good.path("signature").asText()
                    .substring(2))), 400, "invalid_field", "signature must be 64 hex digits");
            expect(identify(parley, "web", good.deepCopy().put("contact_token", 7)), 400, "invalid_field",
                    "contact_token must be a string");
            HttpAnswer notJson = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/identify", Map.of(), "{nope");
            assertThat(notJson.status()).as("%s", notJson).isEqualTo(400);
            HttpAnswer anonymousList = http.get(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of());
            assertThat(anonymousList.status()).as("%s", anonymousList).isEqualTo(401);
            assertThat(count(parley, "SELECT COUNT(*) FROM contacts")).isZero();
        }
    }

    private static String lastDigitChanged(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static void expect(HttpAnswer answer, int status, String code, String message) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.json().path("error").path("code").asText()).as("%s", answer).isEqualTo(code);
        assertThat(answer.json().path("error").path("message").asText()).as("%s", answer).contains(message);
    }
}
