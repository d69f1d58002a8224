package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.json.Json;
import java.util.Map;

/** Logs an operator in over the API, and checks the API's refusals. */
public final class OperatorLogin {
    private OperatorLogin() {}

    /** The {@code Authorization} header of a fresh log-in. */
    public static Map<String, String> as(JsonHttp http, String baseUrl, String email, String password) {
        HttpAnswer a = http.post(baseUrl + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return Map.of("Authorization", "Bearer " + a.json().path("token").asText());
    }

    /** The answer is an error of {@code status} naming the field {@code path}. */
    public static void assertRefused(HttpAnswer a, int status, String path) {
        assertThat(a.status()).as("%s", a).isEqualTo(status);
        assertThat(a.json().path("error").path("path").asText()).as("%s", a).isEqualTo(path);
    }
}
