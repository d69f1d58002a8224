package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Admins export the conversations the list's filters select as CSV a spreadsheet opens safely. */
class ConversationExportTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    private final Map<String, String> tokens = new HashMap<>();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void exportsTheFilteredConversationsWithQuotingAndFormulasKeptAsText(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                  - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
                widgets: [{ id: web, name: Web, group: support }]
                """, Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password"))) {
            String formula = open(parley, "=HYPERLINK(\"http://evil.example\",\"x\")", "plain@example.com");
            String quoted = open(parley, "Doe, \"Jr\"\nSecond line", "doe@example.com");
            String minus = open(parley, "-2+3", "");
            WebContact.of(http, parley.baseUrl(), formula, tokens.get(formula)).say("refund please");

            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "ada-password");
            HttpAnswer all = http.get(parley.baseUrl() + "/api/v1/conversations.csv", ada);
            assertThat(all.status()).as("%s", all).isEqualTo(200);
            assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(all.headers().firstValue("Content-Disposition").orElseThrow())
                    .isEqualTo("attachment; filename=\"conversations.csv\"");
            String csv = all.body();
            assertThat(csv).startsWith("id,created_at,last_activity_at,status,channel,widget,group,assignee_type,"
                    + "assignee,contact_id,contact_name,contact_email,messages\r\n");
            assertThat(csv.split("\r\n")).hasSize(4);
            assertThat(csv).contains(formula + ",").contains(",web,web,support,,,")
                    .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",plain@example.com,1\r\n")
                    .contains(",\"Doe, \"\"Jr\"\"\nSecond line\",doe@example.com,0\r\n")
                    .contains(",'-2+3,,0\r\n");
            assertThat(csv.indexOf(minus)).as("newest first").isLessThan(csv.indexOf(quoted));

            String filtered = http.get(parley.baseUrl() + "/api/v1/conversations.csv?text=refund&status=inbox", ada)
                    .body();
            assertThat(filtered.split("\r\n")).hasSize(2);
            assertThat(filtered).contains(formula).doesNotContain(quoted);

            Map<String, String> bob = OperatorLogin.as(http, parley.baseUrl(), "bob@example.com", "bob-password");
            HttpAnswer agent = http.get(parley.baseUrl() + "/api/v1/conversations.csv", bob);
            assertThat(agent.status()).isEqualTo(403);
            assertThat(agent.json().path("error").path("message").asText()).isEqualTo("only admins export conversations");
            OperatorLogin.assertRefused(http.get(parley.baseUrl() + "/api/v1/conversations.csv?from=yesterday", ada),
                    400, "from");
            assertThat(http.get(parley.baseUrl() + "/api/v1/conversations.csv", Map.of()).status()).isEqualTo(401);
        }
    }

    private String open(TestParley parley, String name, String email) {
        var contact = Json.object().put("name", name);
        if (!email.isEmpty()) {
            contact.put("email", email);
        }
        HttpAnswer opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                Json.write(Json.object().set("contact", contact)));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        String id = opened.json().path("conversation_id").asText();
        tokens.put(id, opened.json().path("contact_token").asText());
        return id;
    }

}
