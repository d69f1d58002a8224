package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each operator has their own unread counts; the views' counts say how many conversations wait and how many are unread. */
class UnreadCountsApiTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void unreadCountsFollowEachOperatorsReadMark(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, ConsoleApiTest.WORKSPACE,
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("hello");
            contact.say("is anyone there?");
            Map<String, String> ada = login(parley, "ada@example.com", "ada-password");
            Map<String, String> bob = login(parley, "bob@example.com", "bob-password");
            String conv = parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId();

            JsonNode listed = http.get(parley.baseUrl() + "/api/v1/conversations?status=inbox", ada).json()
                    .path("items").get(0);
            assertThat(listed.path("unread").asLong()).isEqualTo(2);
            assertThat(counts(parley, ada).path("inbox").path("total").asLong()).isEqualTo(1);
            assertThat(counts(parley, ada).path("inbox").path("unread").asLong()).isEqualTo(1);

            long last = http.get(conv, ada).json().path("last_seq").asLong();
            HttpAnswer read = http.post(conv + "/read", ada, "{\"seq\": " + last + "}");
            assertThat(read.status()).as("%s", read).isEqualTo(204);
            assertThat(http.get(conv, ada).json().path("unread").asLong()).isZero();
            assertThat(counts(parley, ada).path("inbox").path("unread").asLong()).isZero();
            assertThat(http.get(conv, bob).json().path("unread").asLong()).as("Bob has read nothing").isEqualTo(2);

            assertThat(http.post(conv + "/read", ada, "{\"seq\": 1}").status()).as("a lower mark").isEqualTo(204);
            assertThat(http.get(conv, ada).json().path("unread").asLong()).as("never moves back").isZero();
            contact.say("hello?");
            assertThat(http.get(conv, ada).json().path("unread").asLong()).isEqualTo(1);

            http.post(conv + "/take", bob, "{}");
            assertThat(counts(parley, bob).path("mine").path("total").asLong()).isEqualTo(1);
            assertThat(counts(parley, bob).path("inbox").path("total").asLong()).isZero();
            assertThat(counts(parley, bob).path("all").path("total").asLong()).isEqualTo(1);
            assertThat(counts(parley, ada).path("mine").path("total").asLong()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = "SQLITE")
    void readMarksRefuseBadInputPrecisely(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, ConsoleApiTest.WORKSPACE,
                Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("hello");
            Map<String, String> ada = login(parley, "ada@example.com", "ada-password");
            String conv = parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId();
            OperatorLogin.assertRefused(http.post(conv + "/read", ada, "{}"), 400, "seq");
            OperatorLogin.assertRefused(http.post(conv + "/read", ada, "{\"seq\": \"3\"}"), 400, "seq");
            OperatorLogin.assertRefused(http.post(conv + "/read", ada, "{\"seq\": -1}"), 400, "seq");
            OperatorLogin.assertRefused(http.post(conv + "/read", ada, "{\"seq\": 999}"), 400, "seq");
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/nope/read", ada, "{\"seq\": 1}").status())
                    .isEqualTo(404);
            assertThat(http.post(conv + "/read", Map.of(), "{\"seq\": 1}").status()).isEqualTo(401);
            assertThat(http.get(parley.baseUrl() + "/api/v1/conversations/counts", Map.of()).status()).isEqualTo(401);
        }
    }

    JsonNode counts(TestParley parley, Map<String, String> who) {
        HttpAnswer a = http.get(parley.baseUrl() + "/api/v1/conversations/counts", who);
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json();
    }

    Map<String, String> login(TestParley parley, String email, String password) {
        return OperatorLogin.as(http, parley.baseUrl(), email, password);
    }
}
