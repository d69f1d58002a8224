package dev.parley.operator;

import static dev.parley.testing.OperatorLogin.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Admins keep canned responses for the workspace or a group; operators read those of the workspace and their group. */
class CannedResponsesApiTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void adminsWriteAndOperatorsReadTheirTeamsResponses(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, ConsoleApiTest.WORKSPACE,
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            String url = parley.baseUrl() + "/api/v1/canned-responses";
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "ada-password");
            Map<String, String> bob = OperatorLogin.as(http, parley.baseUrl(), "bob@example.com", "bob-password");
            HttpAnswer hello = http.post(url, ada, "{\"shortcut\": \"hello\", \"body\": \"Hi, how can I help?\"}");
            assertThat(hello.status()).as("%s", hello).isEqualTo(201);
            assertThat(hello.json().path("group_id").isNull()).isTrue();
            assertThat(http.post(url, ada, "{\"shortcut\": \"refund\", \"body\": \"Refunds take 5 days.\","
                    + " \"group_id\": \"sales\"}").status()).isEqualTo(201);
            assertThat(http.post(url, ada, "{\"shortcut\": \"vpn\", \"body\": \"Restart the VPN.\","
                    + " \"group_id\": \"support\"}").status()).isEqualTo(201);
            assertThat(http.post(url, ada, "{\"shortcut\": \"hello\", \"body\": \"Sales says hi\","
                    + " \"group_id\": \"sales\"}").status()).as("the same shortcut in another scope").isEqualTo(201);

            assertThat(shortcuts(http.get(url, bob))).containsExactly("hello", "hello", "refund");
            assertThat(shortcuts(http.get(url, ada))).containsExactly("hello", "hello", "refund", "vpn");

            String id = hello.json().path("id").asText();
            HttpAnswer changed = http.put(url + "/" + id, ada, "{\"shortcut\": \"hi\", \"body\": \"Hello!\"}");
            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            assertThat(changed.json().path("body").asText()).isEqualTo("Hello!");
            assertThat(http.delete(url + "/" + id, ada).status()).isEqualTo(204);
            assertThat(shortcuts(http.get(url, bob))).containsExactly("hello", "refund");
            assertThat(http.delete(url + "/" + id, ada).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = "SQLITE")
    void writesCheckTheRoleAndTheInput(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, ConsoleApiTest.WORKSPACE,
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            String url = parley.baseUrl() + "/api/v1/canned-responses";
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "ada-password");
            Map<String, String> bob = OperatorLogin.as(http, parley.baseUrl(), "bob@example.com", "bob-password");
            String ok = "{\"shortcut\": \"hello\", \"body\": \"Hi\"}";
            assertThat(http.post(url, bob, ok).status()).as("agents only read").isEqualTo(403);
            assertThat(http.post(url, Map.of(), ok).status()).isEqualTo(401);
            assertThat(http.get(url, Map.of()).status()).isEqualTo(401);
            assertRefused(http.post(url, ada, "{\"body\": \"Hi\"}"), 400, "shortcut");
            assertRefused(http.post(url, ada, "{\"shortcut\": \"Hello there\", \"body\": \"Hi\"}"), 400, "shortcut");
            assertRefused(http.post(url, ada, "{\"shortcut\": \"hello\"}"), 400, "body");
            assertRefused(http.post(url, ada, "{\"shortcut\": \"hello\", \"body\": \"\"}"), 400, "body");
            assertRefused(http.post(url, ada, "{\"shortcut\": \"hello\", \"body\": \"Hi\", \"group_id\": \"nope\"}"),
                    422, "group_id");
            assertThat(http.post(url, ada, ok).status()).isEqualTo(201);
            HttpAnswer twice = http.post(url, ada, ok);
            assertThat(twice.status()).as("%s", twice).isEqualTo(409);
            assertThat(twice.json().path("error").path("code").asText()).isEqualTo("shortcut_taken");
            String id = http.get(url, ada).json().path("items").get(0).path("id").asText();
            assertThat(http.put(url + "/" + id, bob, ok).status()).isEqualTo(403);
            assertThat(http.delete(url + "/" + id, bob).status()).isEqualTo(403);
            assertThat(http.put(url + "/nope", ada, ok).status()).isEqualTo(404);
        }
    }

    static List<String> shortcuts(HttpAnswer a) {
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("items").findValuesAsText("shortcut");
    }
}
