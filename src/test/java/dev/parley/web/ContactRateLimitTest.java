package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoppedClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The anonymous contact API's rate limits: per client address for opening, per contact and address for writing. */
class ContactRateLimitTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    /** Stands still, so no permit refills while the requests of a step run on a busy machine. */
    final StoppedClock clock = new StoppedClock();

    static String workspace(String limits) {
        return """
                groups: [{ id: support, name: Support }]
                widgets: [{ id: web, name: Web, group: support }]
                limits: %s
                """.formatted(limits);
    }

    HttpAnswer open(TestParley parley) {
        return http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(), "{}");
    }

    static void assertLimited(HttpAnswer answer, String what) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(429);
        assertThat(answer.json().path("error").path("code").asText()).isEqualTo("rate_limited");
        assertThat(answer.json().path("error").path("message").asText()).contains(what);
        assertThat(Long.parseLong(answer.header("Retry-After").orElseThrow())).isPositive();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void openingConversationsIsLimitedPerAddressAndRefillsOverTime(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, workspace("{ open_per_address: 3/1m }"), Map.of(),
                clock)) {
            for (int i = 0; i < 3; i++) {
                assertThat(open(parley).status()).isEqualTo(201);
            }
            HttpAnswer refused = open(parley);
            assertLimited(refused, "conversations opened from this address");
            assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 20L);
            long conversations = parley.parley().database().read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM conversations").mapTo(Long.class).one());
            assertThat(conversations).as("a refused open stores nothing").isEqualTo(3);

            clock.advance(Duration.ofSeconds(Long.parseLong(refused.header("Retry-After").orElseThrow())));
            assertThat(open(parley).status()).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void behindATrustedProxyTheForwardedAddressIsTheClientsAndOtherwiseItIsIgnored(StoreKind kind) {
        String limits = "{ open_per_address: 1/1h }\n";
        for (boolean trusted : new boolean[] {true, false}) {
            try (TestParley parley = TestParley.start(kind, temp.resolve("trusted-" + trusted), workspace(limits)
                    + "server: { trust_forwarded: " + trusted + " }\n", Map.of(), clock)) {
                String url = parley.baseUrl() + "/api/web/v1/widgets/web/conversations";
                assertThat(http.post(url, Map.of("X-Forwarded-For", "203.0.113.1"), "{}").status()).isEqualTo(201);
                assertLimited(http.post(url, Map.of("X-Forwarded-For", "203.0.113.1"), "{}"),
                        "conversations opened from this address");
                assertThat(http.post(url, Map.of("X-Forwarded-For", "203.0.113.2"), "{}").status())
                        .as("another visitor behind the proxy, trusted: %s", trusted).isEqualTo(trusted ? 201 : 429);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void writingIsLimitedPerContactAndPerAddress(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp,
                workspace("{ write_per_contact: 3/1m, write_per_address: 5/1m }"), Map.of(), clock)) {
            WebContact first = WebContact.open(http, parley.baseUrl(), "web");
            WebContact second = WebContact.open(http, parley.baseUrl(), "web");
            for (int i = 0; i < 3; i++) {
                assertThat(first.write("message " + i).status()).isEqualTo(202);
            }
            assertLimited(first.write("one too many"), "messages from this contact");
            assertLimited(http.post(first.url("/events"), first.auth(), "{\"name\": \"page_view\", \"url\":"
                    + " \"https://shop.example/cart\"}"), "messages from this contact");
            assertThat(second.write("I am someone else").status()).isEqualTo(202);
            assertThat(second.write("still me").status()).isEqualTo(202);
            assertLimited(second.write("five from this address already"), "messages from this address");
            assertThat(first.transcript()).filteredOn(i -> i.path("author").path("type").asText().equals("contact"))
                    .hasSize(3);

            clock.advance(Duration.ofMinutes(1));
            assertThat(first.write("a minute later").status()).isEqualTo(202);
        }
    }
}
