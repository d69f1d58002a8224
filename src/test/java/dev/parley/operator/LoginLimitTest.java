package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoppedClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Log-in limits are checked before the password, per account and per client address; tokens slide and end. */
class LoginLimitTest {
    static final Map<String, String> PASSWORDS = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password");

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    /** Stands still, so no permit refills while slow Argon2 checks run on a busy machine. */
    final StoppedClock clock = new StoppedClock();

    static String workspace(String auth) {
        return """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                  - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
                widgets: [{ id: web, name: Web, group: support }]
                """ + (auth.isEmpty() ? "" : "auth: " + auth + "\n");
    }

    HttpAnswer login(TestParley parley, String email, String password) {
        return http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
    }

    HttpAnswer me(TestParley parley, String token) {
        return http.get(parley.baseUrl() + "/api/v1/operators/me", Map.of("Authorization", "Bearer " + token));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theRightPasswordIsRefusedWhileTheAccountIsLimitedAndWorksOnceTheWaitIsOver(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, workspace(""), PASSWORDS, clock)) {
            for (int i = 0; i < 10; i++) {
                assertThat(login(parley, "ADA@example.com", "guess-" + i).status()).isEqualTo(401);
            }
            HttpAnswer refused = login(parley, "ada@example.com", "ada-password");
            assertThat(refused.status()).as("%s", refused).isEqualTo(429);
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("rate_limited");
            long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 300L);
            assertThat(refused.body()).doesNotContain("token");
            assertThat(login(parley, "bob@example.com", "bob-password").status())
                    .as("another account from the same address is not limited").isEqualTo(200);

            clock.advance(Duration.ofSeconds(retryAfter));
            assertThat(login(parley, "ada@example.com", "ada-password").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void guessesAcrossAccountsFromOneAddressAreLimitedToo(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, workspace("{ login_per_address: 4/10m }"), PASSWORDS,
                clock)) {
            for (int i = 0; i < 4; i++) {
                assertThat(login(parley, "user" + i + "@example.com", "guess").status()).isEqualTo(401);
            }
            HttpAnswer refused = login(parley, "ada@example.com", "ada-password");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().path("error").path("message").asText()).contains("from this address");
            assertThat(refused.header("Retry-After")).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void successfulLogInsAreNotCounted(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp,
                workspace("{ login_per_account: 2/1h, login_per_address: 2/1h }"), PASSWORDS, clock)) {
            for (int i = 0; i < 5; i++) {
                assertThat(login(parley, "ada@example.com", "ada-password").status()).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void logOutEndsTheTokenAndOnlyThatOne(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, workspace(""), PASSWORDS, clock)) {
            String first = login(parley, "ada@example.com", "ada-password").json().path("token").asText();
            String second = login(parley, "ada@example.com", "ada-password").json().path("token").asText();
            HttpAnswer out = http.post(parley.baseUrl() + "/api/v1/auth/logout",
                    Map.of("Authorization", "Bearer " + first), "");
            assertThat(out.status()).as("%s", out).isEqualTo(204);
            assertThat(me(parley, first).status()).isEqualTo(401);
            assertThat(me(parley, second).status()).isEqualTo(200);
            assertThat(http.post(parley.baseUrl() + "/api/v1/auth/logout", Map.of("Authorization", "Bearer " + first),
                    "").status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aTokenExpiresWhenIdleIsRenewedByUseAndEndsAtItsMaximum(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, workspace("{ token_idle: 1h, token_max: 3h }"),
                PASSWORDS, clock)) {
            String used = login(parley, "ada@example.com", "ada-password").json().path("token").asText();
            String idle = login(parley, "ada@example.com", "ada-password").json().path("token").asText();
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofMinutes(35));
                assertThat(me(parley, used).status()).as("used after %d min", 35 * (i + 1)).isEqualTo(200);
            }
            assertThat(me(parley, idle).status()).as("unused for 175 min").isEqualTo(401);
            clock.advance(Duration.ofMinutes(10));
            assertThat(me(parley, used).status()).as("185 min after the log-in").isEqualTo(401);
        }
    }
}
