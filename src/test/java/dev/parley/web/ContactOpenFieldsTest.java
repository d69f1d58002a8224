package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a contact may say about a conversation it opens: never that the business started it, only web pages. */
class ContactOpenFieldsTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    HttpAnswer open(TestParley parley, String body) {
        return http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(), body);
    }

    long conversations(TestParley parley) {
        return parley.parley().database().read(h -> h.createQuery("SELECT COUNT(*) FROM conversations")
                .mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aContactCannotOpenAProactiveConversationNorGiveANonWebPage(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }]
                widgets: [{ id: web, name: Web, group: support }]
                """, Map.of())) {
            HttpAnswer proactive = open(parley, "{\"proactive\": true}");
            assertThat(proactive.status()).as("%s", proactive).isEqualTo(400);
            assertThat(proactive.json().path("error").path("path").asText()).isEqualTo("proactive");
            for (String url : new String[] {"javascript:alert(1)", "data:text/html,<b>hi</b>", "file:///etc/passwd",
                    "//evil.example/x", "ftp://example.com/"}) {
                HttpAnswer bad = open(parley, "{\"page_url\": \"" + url + "\"}");
                assertThat(bad.status()).as("%s: %s", url, bad).isEqualTo(400);
                assertThat(bad.json().path("error").path("path").asText()).isEqualTo("page_url");
            }
            assertThat(conversations(parley)).as("nothing refused was stored").isZero();

            assertThat(open(parley, "{\"proactive\": false, \"page_url\": \"https://shop.example/cart?x=1\"}")
                    .status()).isEqualTo(201);
            assertThat(open(parley, "{\"page_url\": \"http://shop.example/\"}").status()).isEqualTo(201);
            String mode = parley.parley().database().read(h -> h.createQuery(
                    "SELECT DISTINCT approach_mode FROM conversations").mapTo(String.class).one());
            assertThat(mode).isEqualTo("normal");
        }
    }
}
