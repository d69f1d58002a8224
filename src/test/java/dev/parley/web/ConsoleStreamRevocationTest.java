package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An operator whose access ends while their console is open stops receiving at once: the socket closes with 4401. */
class ConsoleStreamRevocationTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
              - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
              - { id: carl, name: Carl, email: carl@example.com, group: support, role: admin, password_env: CARL_PW }
            widgets: [{ id: web, name: Web, group: support }]
            """;
    static final Map<String, String> PASSWORDS = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password",
            "CARL_PW", "carl-password");

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    /** How an operator's access ends, done by admin Ada (or by the operator, for log-out). */
    enum Revocation {
        DELETED("bob") {
            HttpAnswer apply(JsonHttp http, String api, String ada, String own) {
                return http.delete(api + "/operators/bob", bearer(ada));
            }
        },
        DEMOTED("carl") {
            HttpAnswer apply(JsonHttp http, String api, String ada, String own) {
                return http.put(api + "/operators/carl", bearer(ada), "{\"role\": \"agent\"}");
            }
        },
        PASSWORD_CHANGED("bob") {
            HttpAnswer apply(JsonHttp http, String api, String ada, String own) {
                return http.put(api + "/operators/bob", bearer(ada), "{\"password\": \"a-new-password\"}");
            }
        },
        LOGGED_OUT("bob") {
            HttpAnswer apply(JsonHttp http, String api, String ada, String own) {
                return http.post(api + "/auth/logout", bearer(own), "");
            }
        };

        final String operator;

        Revocation(String operator) {
            this.operator = operator;
        }

        abstract HttpAnswer apply(JsonHttp http, String api, String ada, String own);
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(StoreKind.values())
                .flatMap(kind -> Arrays.stream(Revocation.values()).map(r -> Arguments.of(kind, r)));
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    String login(TestParley parley, String id) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(), Json.write(Json.object()
                .put("email", id + "@example.com").put("password", PASSWORDS.get(id.toUpperCase() + "_PW"))));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theOpenStreamClosesWith4401BeforeAnotherConversationFrame(StoreKind kind, Revocation revocation) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, PASSWORDS)) {
            String ada = login(parley, "ada");
            String own = login(parley, revocation.operator);
            StreamTest.Collector stream = new StreamTest.Collector();
            http.client().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + parley.port()
                    + "/api/v1/stream?token=" + own), stream).join();
            ConsoleStreamTest.awaitFrame(stream, f -> f.path("type").asText().equals("ready"));
            String before = WebContact.open(http, parley.baseUrl(), "web").conversationId();
            ConsoleStreamTest.awaitFrame(stream, ConsoleStreamTest.state(before, "inbox"));

            HttpAnswer revoked = revocation.apply(http, parley.baseUrl() + "/api/v1", ada, own);
            assertThat(revoked.status()).as("%s", revoked).isBetween(200, 204);
            WebContact after = WebContact.open(http, parley.baseUrl(), "web");
            after.write("my card number is 4111 1111 1111 1111");

            assertThat(stream.closed).succeedsWithin(Duration.ofSeconds(15)).isEqualTo(4401);
            assertThat(stream.frames).noneMatch(f -> f.path("type").asText().equals("conversation")
                    && f.path("conversation").path("id").asText().equals(after.conversationId()));
        }
    }
}
