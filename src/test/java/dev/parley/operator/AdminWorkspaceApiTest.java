package dev.parley.operator;

import static dev.parley.operator.AdminBotsApiTest.assertInvalid;
import static dev.parley.operator.AdminBotsApiTest.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdminWorkspaceApiTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    HttpAnswer login(TestParley parley, String email, String password) {
        return http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
    }

    String token(TestParley parley, String email, String password) {
        HttpAnswer a = login(parley, email, password);
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void operatorsAreCreatedChangedAndDeletedAndLogInWithTheirPasswords(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, AdminBotsApiTest.WORKSPACE, AdminBotsApiTest.ENV)) {
            String ada = token(parley, "ada@example.com", "ada-password");
            String api = parley.baseUrl() + "/api/v1";
            ObjectNode carol = Json.object().put("id", "carol").put("name", "Carol").put("email", "Carol@Example.com")
                    .put("group", "support").put("role", "agent").put("slots", 3).put("password", "carol-pass-1");
            carol.putArray("skills").add("billing");
            HttpAnswer created = http.post(api + "/operators", auth(ada), Json.write(carol));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.body()).doesNotContain("carol-pass-1");
            assertThat(created.json().path("password_set").asBoolean()).isTrue();
            assertThat(created.json().path("slots").asInt()).isEqualTo(3);

            ObjectNode twin = carol.deepCopy().put("id", "carol2").put("email", "carol@example.COM");
            HttpAnswer duplicate = http.post(api + "/operators", auth(ada), Json.write(twin));
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.json().path("error").path("code").asText()).isEqualTo("email_taken");
            assertThat(http.post(api + "/operators", auth(ada), Json.write(carol)).status()).isEqualTo(409);
            assertInvalid(http.post(api + "/operators", auth(ada), Json.write(twin.put("password", "short"))),
                    "password", "8");
            assertInvalid(http.post(api + "/operators", auth(ada), Json.write(twin.put("password", "long-enough")
                    .put("email", "not-an-address"))), "email", "not an e-mail address");
            assertInvalid(http.post(api + "/operators", auth(ada), Json.write(twin.put("email", "c2@example.com")
                    .put("role", "boss"))), "role", "agent, admin");

            String carolToken = token(parley, "carol@example.com", "carol-pass-1");
            assertThat(http.get(api + "/operators/me", auth(carolToken)).json().path("id").asText()).isEqualTo("carol");
            HttpAnswer changed = http.put(api + "/operators/carol", auth(ada),
                    "{\"password\": \"carol-pass-2\", \"role\": \"admin\"}");
            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            assertThat(changed.json().path("role").asText()).isEqualTo("admin");
            assertThat(changed.json().path("email").asText()).isEqualTo("Carol@Example.com");
            assertThat(http.get(api + "/operators/me", auth(carolToken)).status())
                    .as("a new password ends the operator's log-ins").isEqualTo(401);
            assertThat(login(parley, "carol@example.com", "carol-pass-1").status()).isEqualTo(401);
            String carolAdmin = token(parley, "carol@example.com", "carol-pass-2");
            assertThat(http.get(api + "/operators", auth(carolAdmin)).json().path("items").findValuesAsText("id"))
                    .containsExactly("ada", "bob", "carol");

            assertThat(http.delete(api + "/operators/ada", auth(ada)).json().path("error").path("code").asText())
                    .isEqualTo("cannot_delete_yourself");
            assertThat(http.put(api + "/operators/ada", auth(ada), "{\"role\": \"agent\"}").status()).isEqualTo(409);
            assertThat(http.delete(api + "/operators/carol", auth(ada)).status()).isEqualTo(200);
            assertThat(http.get(api + "/operators/carol", auth(ada)).status()).isEqualTo(404);
            assertThat(http.get(api + "/operators", auth(carolAdmin)).status()).isEqualTo(401);
            assertThat(login(parley, "carol@example.com", "carol-pass-2").status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void groupsInUseCannotBeDeletedAndWidgetsCarryTheirEmbedSnippet(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, AdminBotsApiTest.WORKSPACE, AdminBotsApiTest.ENV)) {
            String ada = token(parley, "ada@example.com", "ada-password");
            String api = parley.baseUrl() + "/api/v1";
            assertThat(http.post(api + "/groups", auth(ada), "{\"id\": \"sales\", \"name\": \"Sales\"}").status())
                    .isEqualTo(201);
            assertThat(http.post(api + "/groups", auth(ada), "{\"id\": \"sales\", \"name\": \"Again\"}").status())
                    .isEqualTo(409);
            assertInvalid(http.post(api + "/groups", auth(ada), "{\"id\": \"x\", \"name\": \"  \"}"), "name",
                    "must not be empty");
            String literal = "Süd ${HOME} $${x} 🎧 \u2028 \u007f";
            HttpAnswer renamed = http.put(api + "/groups/sales", auth(ada),
                    Json.write(Json.object().put("name", literal)));
            assertThat(renamed.json().path("name").asText()).as("values are taken literally").isEqualTo(literal);

            ObjectNode widget = Json.object().put("id", "shop").put("name", "Shop").put("group", "sales")
                    .put("registration", false).put("live_timeout", "30m").put("chatbot_assignment", false);
            widget.putObject("service_hours").put("zone", "Europe/Berlin").put("mon-fri", "09:00-17:00")
                    .put("sat", "10:00-14:00");
            HttpAnswer created = http.post(api + "/widgets", auth(ada), Json.write(widget));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            JsonNode shop = created.json();
            assertThat(shop.path("embed_snippet").asText()).isEqualTo(
                    "<script src=\"https://chat.example.com/widget.js\" data-parley-widget=\"shop\" async></script>");
            assertThat(shop.path("service_hours").path("mon-fri").asText()).isEqualTo("09:00-17:00");
            assertThat(shop.path("service_hours").path("sat").asText()).isEqualTo("10:00-14:00");
            assertThat(shop.path("live_timeout").asText()).isEqualTo("30m");
            assertInvalid(http.put(api + "/widgets/shop", auth(ada),
                    "{\"service_hours\": {\"zone\": \"UTC\", \"mon-fri\": \"17:00-09:00\"}}"),
                    "service_hours.mon-fri", "not a time range");
            assertInvalid(http.put(api + "/widgets/shop", auth(ada), "{\"group\": \"nogroup\"}"), "group",
                    "not defined");

            HttpAnswer inUse = http.delete(api + "/groups/sales", auth(ada));
            assertThat(inUse.status()).isEqualTo(409);
            assertThat(inUse.body()).contains("1 widget");
            assertThat(http.delete(api + "/groups/support", auth(ada)).body()).contains("2 operators", "1 widget");

            HttpAnswer opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/shop/conversations", Map.of(),
                    "{\"contact\": {}}");
            assertThat(opened.status()).as("a new widget takes conversations at once").isEqualTo(201);
            assertThat(http.delete(api + "/widgets/shop", auth(ada)).json().path("error").path("code").asText())
                    .isEqualTo("widget_in_use");
            WebContact contact = WebContact.of(http, parley.baseUrl(), opened.json().path("conversation_id").asText(),
                    opened.json().path("contact_token").asText());
            assertThat(http.post(api + "/conversations/" + contact.conversationId() + "/end", auth(ada), "").status())
                    .isEqualTo(200);

            HttpAnswer cleared = http.put(api + "/widgets/shop", auth(ada), "{\"live_timeout\": null}");
            assertThat(cleared.json().path("live_timeout").isNull()).isTrue();
            assertThat(cleared.json().path("service_hours").path("zone").asText()).isEqualTo("Europe/Berlin");
            assertThat(http.get(api + "/widgets", auth(ada)).json().path("items").findValuesAsText("id"))
                    .containsExactly("shop", "web");
            assertThat(http.delete(api + "/widgets/shop", auth(ada)).status()).isEqualTo(200);
            assertThat(http.delete(api + "/groups/sales", auth(ada)).status()).isEqualTo(200);
            assertThat(http.get(api + "/groups", auth(ada)).json().path("items").findValuesAsText("id"))
                    .containsExactly("support");
            assertThat(http.post(parley.baseUrl() + "/api/web/v1/widgets/shop/conversations", Map.of(),
                    "{\"contact\": {}}").status()).isEqualTo(404);
        }
    }
}
