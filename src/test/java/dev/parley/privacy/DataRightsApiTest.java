package dev.parley.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.media.RawHttp;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Export and erasure of a contact over HTTP, checked against every table and the media folder. */
class DataRightsApiTest {
    static final String WORKSPACE = """
            public_base_url: https://chat.example.com
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
              - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
            widgets: [{ id: web, name: Web, group: support }]
            """;
    static final Map<String, String> ENV = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password");

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    /** A contact with a conversation holding a message, a file, a note and a page tag, then ended. */
    record Person(String contactId, String conversationId, String secret, String email, byte[] file,
            String mediaId) {}

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anAdminExportsAndErasesAContactAndNothingOfItRemainsWhileOthersAreUntouched(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, ENV)) {
            String ada = login(parley, "ada@example.com", "ada-password");
            Person carla = person(parley, ada, "Carla", "carla.rossi@example.org", "CARLA-SECRET-7731");
            Person dan = person(parley, ada, "Dan", "dan.berg@example.org", "DAN-SECRET-4242");
            int timelineRows = StoredTraces.count(parley.parley().database(), "SELECT count(*) FROM timeline");

            HttpAnswer export = http.get(api(parley, "/contacts/" + carla.contactId() + "/export"), auth(ada));
            assertThat(export.status()).as("%s", export).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"contact-" + carla.contactId() + ".json\"");
            JsonNode copy = export.json();
            assertThat(copy.path("contact").path("email").asText()).isEqualTo(carla.email());
            assertThat(copy.path("contact").path("page_tags").has("carla_pricing_page")).isTrue();
            JsonNode conversation = copy.path("conversations").get(0);
            assertThat(conversation.path("id").asText()).isEqualTo(carla.conversationId());
            assertThat(conversation.path("timeline").toString()).contains(carla.secret());
            assertThat(conversation.path("notes").get(0).path("body").asText()).contains(carla.secret());
            assertThat(copy.path("media")).hasSize(1);
            assertThat(Base64.getDecoder().decode(copy.path("media").get(0).path("content_base64").asText()))
                    .isEqualTo(carla.file());
            assertThat(copy.toString()).doesNotContain(dan.secret()).doesNotContain(dan.email());

            HttpAnswer erased = http.post(api(parley, "/contacts/" + carla.contactId() + "/erase"), auth(ada), "");
            assertThat(erased.status()).as("%s", erased).isEqualTo(200);
            assertThat(erased.json().path("conversations").asInt()).isEqualTo(1);
            assertThat(erased.json().path("media").asInt()).isEqualTo(1);
            assertThat(erased.json().path("tokens").asInt()).isEqualTo(1);

            String everything = StoredTraces.allTables(parley.parley().database());
            for (String trace : List.of(carla.secret(), carla.email(), "Carla", carla.mediaId(), "carla-notes.txt",
                    "carla_pricing_page", "shop.example.com/carla")) {
                assertThat(everything).as("the database still holds %s", trace).doesNotContain(trace);
            }
            assertThat(StoredTraces.mediaFiles(parley)).doesNotContain(carla.mediaId()).contains(dan.mediaId());
            assertThat(everything).contains(dan.secret(), dan.email(), dan.mediaId(), "dan_pricing_page",
                    "shop.example.com/dan");
            assertThat(StoredTraces.count(parley.parley().database(), "SELECT count(*) FROM timeline")).as("messages still count")
                    .isEqualTo(timelineRows);
            HttpAnswer ended = http.get(api(parley, "/conversations?status=ended"), auth(ada));
            assertThat(ended.json().path("items")).extracting(item -> item.path("id").asText())
                    .contains(carla.conversationId(), dan.conversationId());

            JsonNode after = http.get(api(parley, "/contacts/" + dan.contactId() + "/export"), auth(ada)).json();
            assertThat(after.path("conversations").get(0).path("timeline").toString()).contains(dan.secret());
            assertThat(Base64.getDecoder().decode(after.path("media").get(0).path("content_base64").asText()))
                    .isEqualTo(dan.file());
            assertThat(RawHttp.get(parley.baseUrl() + "/media/" + carla.mediaId() + "/carla-notes.txt").statusCode())
                    .isEqualTo(404);

            JsonNode audit = http.get(api(parley, "/audit"), auth(ada)).json();
            assertThat(audit.path("items")).extracting(e -> e.path("action").asText() + " " + e.path("target").asText()
                    + " by " + e.path("actor").path("email").asText()).containsExactly(
                    "contact.export " + dan.contactId() + " by ada@example.com",
                    "contact.erase " + carla.contactId() + " by ada@example.com",
                    "contact.export " + carla.contactId() + " by ada@example.com");
            assertThat(audit.path("items").get(1).path("detail").path("media").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void onlyAdminsMayExportEraseOrReadTheAuditLog(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, ENV)) {
            String ada = login(parley, "ada@example.com", "ada-password");
            String bob = login(parley, "bob@example.com", "bob-password");
            Person carla = person(parley, ada, "Carla", "carla@example.org", "CARLA-SECRET-1");

            assertThat(http.get(api(parley, "/contacts/" + carla.contactId() + "/export"), auth(bob)).status())
                    .isEqualTo(403);
            assertThat(http.post(api(parley, "/contacts/" + carla.contactId() + "/erase"), auth(bob), "").status())
                    .isEqualTo(403);
            assertThat(http.get(api(parley, "/audit"), auth(bob)).status()).isEqualTo(403);
            assertThat(http.get(api(parley, "/contacts/" + carla.contactId() + "/export"), Map.of()).status())
                    .isEqualTo(401);
            assertThat(StoredTraces.allTables(parley.parley().database())).contains(carla.secret());
            assertThat(http.get(api(parley, "/audit"), auth(ada)).json().path("items")).isEmpty();

            HttpAnswer unknown = http.post(api(parley, "/contacts/ctc_nobody/erase"), auth(ada), "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("error").path("message").asText()).contains("no contact with id 'ctc_nobody'");
            HttpAnswer badLimit = http.get(api(parley, "/audit?limit=0"), auth(ada));
            assertThat(badLimit.status()).isEqualTo(400);
            assertThat(badLimit.json().path("error").path("path").asText()).isEqualTo("limit");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aContactWithAConversationStillRunningIsNotErased(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, ENV)) {
            String ada = login(parley, "ada@example.com", "ada-password");
            JsonNode opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                    "{\"contact\": {\"name\": \"Eve\", \"email\": \"eve@example.org\"}}").json();
            String contactId = opened.path("contact_id").asText();

            HttpAnswer refused = http.post(api(parley, "/contacts/" + contactId + "/erase"), auth(ada), "");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("conversations_open");
            assertThat(refused.json().path("error").path("message").asText()).contains(opened.path("conversation_id").asText());
            assertThat(StoredTraces.allTables(parley.parley().database())).contains("eve@example.org");
            assertThat(http.get(api(parley, "/audit"), auth(ada)).json().path("items")).isEmpty();
        }
    }

    Person person(TestParley parley, String admin, String name, String email, String secret) {
        HttpAnswer opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                Json.write(Json.object().put("page_url", "https://shop.example.com/" + name.toLowerCase())
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("contact", Json.object().put("name", name)
                                .put("email", email))
                        .set("page_tags", Json.object().set(name.toLowerCase() + "_pricing_page",
                                Json.object().put("plan", "pro")))));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        String conversation = opened.json().path("conversation_id").asText();
        Map<String, String> contact = Map.of("Authorization", "Bearer " + opened.json().path("contact_token").asText());
        String web = parley.baseUrl() + "/api/web/v1/conversations/" + conversation;
        assertThat(http.post(web + "/messages", contact, "{\"body\": \"my code is " + secret + "\"}").status())
                .isEqualTo(202);
        byte[] file = (name + "'s notes: " + secret + "\n").getBytes(StandardCharsets.UTF_8);
        HttpAnswer upload = RawHttp.post(web + "/media", contact,
                List.of(RawHttp.Part.file(name.toLowerCase() + "-notes.txt", "text/plain", file)));
        assertThat(upload.status()).as("%s", upload).isEqualTo(202);
        String staff = api(parley, "/conversations/" + conversation);
        assertThat(http.post(staff + "/notes", auth(admin), "{\"body\": \"asked about " + secret + "\"}").status())
                .isEqualTo(201);
        assertThat(http.post(staff + "/end", auth(admin), "").status()).isEqualTo(200);
        JsonNode detail = http.get(staff, auth(admin)).json();
        String mediaUrl = detail.path("timeline").findValues("url").stream().map(JsonNode::asText)
                .filter(u -> u.contains("/media/")).findFirst().orElseThrow();
        String mediaId = mediaUrl.substring(mediaUrl.indexOf("/media/") + 7, mediaUrl.indexOf("/media/") + 39);
        return new Person(opened.json().path("contact_id").asText(), conversation, secret, email, file, mediaId);
    }

    String login(TestParley parley, String email, String password) {
        HttpAnswer a = http.post(api(parley, "/auth/login"), Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    static Map<String, String> auth(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static String api(TestParley parley, String path) {
        return parley.baseUrl() + "/api/v1" + path;
    }
}
