package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Anonymous visitors reach Braze as alias-only users ({@code parley_contact_id}); a visitor who identifies
 * later is merged into the {@code external_id} user. The lead-capture example ends in one Braze user either way.
 */
class BrazeAliasTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "identity-secret-for-tests-0123456789abcdef";
    private final JsonHttp http = new JsonHttp();

    @TempDir
    Path temp;

    private static String workspace(String brazeUrl) {
        return """
                groups: [{ id: support, name: Support }]
                environments:
                  sandbox: { braze: { url: "%s", api_key_env: BRAZE_KEY } }
                bots:
                  - { id: flowbot, name: Flow Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets:
                  - id: web
                    name: Web
                    group: support
                    identity: { secret_env: WEB_IDENTITY }
                    braze: { page_tags: {} }
                """.formatted(brazeUrl, Path.of("examples/flows/lead-capture.yml").toAbsolutePath());
    }

    private TestParley start(StoreKind kind, BrazeStandIn braze) {
        return TestParley.start(kind, temp, workspace(braze.url()), Map.of("BRAZE_KEY", BrazeRig.KEY,
                "WEB_IDENTITY", SECRET));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aVisitorWhoLeavesOnlyAnEmailIsOneAliasUserHoldingTheTagAndTheLead(StoreKind kind) {
        try (BrazeStandIn braze = BrazeStandIn.start(BrazeRig.KEY); TestParley parley = start(kind, braze)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            String contactId = contactId(parley, contact);
            tag(contact, "pricing_viewed");
            await().atMost(WAIT).until(() -> braze.aliasUser("parley_contact_id", contactId).isPresent());

            captureLead(contact);

            await().atMost(WAIT).until(() -> braze.aliasUser("parley_contact_id", contactId)
                    .map(u -> u.path("email").asText()).filter("ada@example.com"::equals).isPresent());
            assertThat(braze.users()).as("one Braze user for the visitor").isEqualTo(1);
            ObjectNode user = braze.aliasUser("parley_contact_id", contactId).orElseThrow();
            assertThat(user.path("first_name").asText()).isEqualTo("Ada");
            assertThat(user.path("external_id").isMissingNode()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aVisitorWhoIdentifiesLaterIsMergedIntoTheExternalIdUserWithEverythingSentBefore(StoreKind kind) {
        try (BrazeStandIn braze = BrazeStandIn.start(BrazeRig.KEY); TestParley parley = start(kind, braze)) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            String contactId = contactId(parley, contact);
            tag(contact, "pricing_viewed");
            await().atMost(WAIT).until(() -> braze.aliasUser("parley_contact_id", contactId).isPresent());

            HttpAnswer identified = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/identify", Map.of(),
                    Json.write(Json.object().put("external_id", "user-42").put("signature", HexHmac.of(SECRET,
                            "user-42")).put("contact_token", contact.token())));
            assertThat(identified.status()).as("%s", identified).isEqualTo(200);
            captureLead(contact);

            await().atMost(WAIT).until(() -> braze.taken().stream().anyMatch(t -> t.path().equals("/users/identify"))
                    && braze.events("user-42").size() == 2);
            assertThat(braze.users()).as("one Braze user for the visitor").isEqualTo(1);
            JsonNode merge = braze.taken().stream().filter(t -> t.path().equals("/users/identify")).findFirst()
                    .orElseThrow().body();
            assertThat(merge).isEqualTo(Json.parseStored("""
                    { "aliases_to_identify": [{ "external_id": "user-42",
                        "user_alias": { "alias_name": "%s", "alias_label": "parley_contact_id" } }] }"""
                    .formatted(contactId)));
            ObjectNode user = braze.user("user-42").orElseThrow();
            assertThat(user.path("email").asText()).isEqualTo("ada@example.com");
            assertThat(user.path("user_aliases")).hasSize(1);
            assertThat(braze.events("user-42")).extracting(e -> e.path("name").asText())
                    .containsExactlyInAnyOrder("pricing_viewed", "lead_captured");
        }
    }

    private String contactId(TestParley parley, WebContact contact) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT contact_id FROM conversations WHERE id = :id").bind("id", contact.conversationId())
                .mapTo(String.class).one());
    }

    private void tag(WebContact contact, String tag) {
        HttpAnswer answer = http.post(contact.url("/events"), contact.auth(),
                "{\"name\":\"page_tag\",\"tag\":\"" + tag + "\",\"properties\":{}}");
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
    }

    private static void captureLead(WebContact contact) {
        JsonNode hello = contact.awaitItem("hello", Items.fromBot("button_template"));
        contact.click(hello.path("id").asText(), "sure");
        contact.awaitBotMessage("What is your first name?");
        contact.say("Ada");
        contact.awaitBotMessage("Thanks, Ada. And your last name?");
        contact.say("Lovelace");
        contact.awaitBotMessage("What is your e-mail address?");
        contact.say("ada@example.com");
        contact.awaitBotMessage("What is your date of birth (DD.MM.YYYY)?");
        contact.say("10.12.1990");
        contact.awaitBotMessage("Which city do you live in?");
        contact.say("London");
        contact.awaitItem("os", Items.fromBot("list_template"));
        contact.say("mac");
        contact.awaitBotMessage("Thank you, Ada! We will be in touch.");
    }
}
