package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/web/v1/conversations/{id}/events}: page tags kept on the contact, page views on the timeline. */
class WidgetPageTagsApiTest {
    private static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }]
            widgets: [{ id: web, name: Web, group: support }]
            """;

    @TempDir
    Path temp;
    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void tagsKeepTheLatestValuePerNameAndOperatorsSeeThem(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, Map.of("PW", "ada-pw"))) {
            HttpAnswer opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                    "{\"page_tags\": {\"landing\": {\"ad\": \"spring\"}, \"newsletter\": null}}");
            assertThat(opened.status()).isEqualTo(201);
            WebContact contact = WebContact.of(http, parley.baseUrl(), opened.json().path("conversation_id").asText(),
                    opened.json().path("contact_token").asText());

            assertThat(event(contact, "{\"name\":\"page_tag\",\"tag\":\"pricing\",\"properties\":{\"plan\":\"basic\"}}")
                    .status()).isEqualTo(202);
            HttpAnswer latest = event(contact, "{\"name\":\"page_tag\",\"tag\":\"pricing\",\"properties\":{\"plan\":\"pro\"}}");
            assertThat(latest.status()).isEqualTo(202);
            assertThat(latest.json().path("seq").asLong()).isPositive();
            assertThat(event(contact, "{\"name\":\"page_view\",\"url\":\"https://shop.example/pricing\"}").status())
                    .isEqualTo(202);

            String token = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                    "{\"email\":\"ada@example.com\",\"password\":\"ada-pw\"}").json().path("token").asText();
            JsonNode detail = http.get(parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId(),
                    Map.of("Authorization", "Bearer " + token)).json();
            JsonNode tags = detail.path("contact").path("page_tags");
            assertThat(tags.path("pricing").path("properties").path("plan").asText()).isEqualTo("pro");
            assertThat(tags.path("landing").path("properties").path("ad").asText()).isEqualTo("spring");
            assertThat(tags.path("newsletter").path("properties").isObject()).isTrue();
            assertThat(tags.path("pricing").path("at").asText()).endsWith("Z");
            assertThat(detail.path("timeline").findValuesAsText("name")).contains("page_tag", "page_view");
            assertThat(contact.transcript()).noneMatch(i -> i.path("packet").path("name").asText().startsWith("page_"));
        }
    }

    @Test
    void badEventsAreRefusedNamingTheFieldAndRule() {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, WORKSPACE, Map.of("PW", "ada-pw"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            assertRefused(event(contact, "{\"tag\":\"x\"}"), 400, "name");
            assertRefused(event(contact, "{\"name\":\"page_click\",\"tag\":\"x\"}"), 400, "name");
            assertRefused(event(contact, "{\"name\":\"page_tag\"}"), 400, "tag");
            assertRefused(event(contact, "{\"name\":\"page_tag\",\"tag\":\"<b>\"}"), 400, "tag");
            assertRefused(event(contact, "{\"name\":\"page_tag\",\"tag\":42}"), 400, "tag");
            assertRefused(event(contact, "{\"name\":\"page_tag\",\"tag\":\"" + "t".repeat(101) + "\"}"), 400, "tag");
            assertRefused(event(contact, "{\"name\":\"page_tag\",\"tag\":\"ok\",\"properties\":[1]}"), 400, "properties");
            assertRefused(event(contact, "{\"name\":\"page_tag\",\"tag\":\"ok\",\"properties\":{\"v\":\""
                    + "x".repeat(5000) + "\"}}"), 400, "properties");
            assertRefused(event(contact, "{\"name\":\"page_view\",\"url\":\"javascript:alert(1)\"}"), 400, "url");
            assertRefused(event(contact, "{\"name\":\"page_view\"}"), 400, "url");
            assertThat(event(contact, "not json").status()).isEqualTo(400);
            assertThat(event(contact, "[]").status()).isEqualTo(400);
            assertThat(http.post(contact.url("/events"), Map.of(), "{\"name\":\"page_tag\",\"tag\":\"x\"}").status())
                    .isEqualTo(401);
            WebContact stranger = WebContact.open(http, parley.baseUrl(), "web");
            assertThat(http.post(contact.url("/events"), stranger.auth(), "{\"name\":\"page_tag\",\"tag\":\"x\"}")
                    .status()).isEqualTo(404);
            HttpAnswer open = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                    "{\"page_tags\": {\"fine\": {}, \"bad name\": {}}}");
            assertRefused(open, 400, "page_tags.bad name");
            assertRefused(http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                    "{\"page_tags\": {\"scalar\": 3}}"), 400, "page_tags.scalar");
        }
    }

    private HttpAnswer event(WebContact contact, String body) {
        return http.post(contact.url("/events"), contact.auth(), body);
    }

    private static void assertRefused(HttpAnswer answer, int status, String path) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().path("error").path("path").asText()).as(answer.body()).isEqualTo(path);
        assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
    }
}
