package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The console's search matches what was typed: {@code %}, {@code _} and {@code !} are plain characters. */
class SearchLiteralsTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void percentAndUnderscoreAreLiteralsOnBothDatabases(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                widgets: [{ id: web, name: Web, group: support }]
                """, Map.of("ADA_PW", "ada-password"))) {
            for (String name : List.of("100% Real", "1000 Real", "ann_lee", "annXlee", "Wow! Shop", "Wow Shop")) {
                HttpAnswer opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                        Json.write(Json.object().set("contact", Json.object().put("name", name))));
                assertThat(opened.status()).isEqualTo(201);
            }
            String token = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                    "{\"email\":\"ada@example.com\",\"password\":\"ada-password\"}").json().path("token").asText();

            assertThat(names(parley, token, "100%")).containsExactly("100% Real");
            assertThat(names(parley, token, "n_l")).containsExactly("ann_lee");
            assertThat(names(parley, token, "%")).containsExactly("100% Real");
            assertThat(names(parley, token, "_")).containsExactly("ann_lee");
            assertThat(names(parley, token, "wow!")).containsExactly("Wow! Shop");
            assertThat(names(parley, token, "real")).containsExactlyInAnyOrder("100% Real", "1000 Real");
        }
    }

    List<String> names(TestParley parley, String token, String q) {
        HttpAnswer a = http.get(parley.baseUrl() + "/api/v1/conversations?q=" + URLEncoder.encode(q,
                StandardCharsets.UTF_8), Map.of("Authorization", "Bearer " + token));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("items").findValuesAsText("name");
    }
}
