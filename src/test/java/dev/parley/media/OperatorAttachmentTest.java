package dev.parley.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebContact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Operators send files from the console: stored and checked as contacts' uploads, only where they may reply. */
class OperatorAttachmentTest {
    static final String TEAM = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }
              - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: PW }
            widgets: [{ id: web, name: Web, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorSendsAFileTheContactCanFetch(StoreKind kind) {
        try (MediaParley parley = MediaParley.start(kind, temp, TEAM, Map.of("PW", "password"),
                MediaParley.loopbackAllowed(64 * 1024))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("Can you send me the invoice?");
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "password");
            Map<String, String> bob = OperatorLogin.as(http, parley.baseUrl(), "bob@example.com", "password");
            String media = parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId() + "/media";
            List<RawHttp.Part> pdf = List.of(RawHttp.Part.file("invoice.pdf", "application/pdf", Samples.PDF),
                    RawHttp.Part.field("caption", "Your invoice"));

            HttpAnswer notYet = RawHttp.post(media, ada, pdf);
            assertThat(notYet.status()).as("not assigned to Ada yet: %s", notYet).isEqualTo(409);
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId() + "/take", ada,
                    "{}").status()).isEqualTo(200);
            HttpAnswer sent = RawHttp.post(media, ada, pdf);
            assertThat(sent.status()).as("%s", sent).isEqualTo(201);

            JsonNode item = contact.awaitItem("the invoice", Items.packet("media"));
            assertThat(item.path("author").path("type").asText()).isEqualTo("operator");
            JsonNode payload = item.path("packet").path("payload");
            assertThat(payload.path("mime_type").asText()).isEqualTo("application/pdf");
            assertThat(payload.path("caption").asText()).isEqualTo("Your invoice");
            assertThat(http.get(parley.local(payload.path("url").asText()),
                    Map.of()).body()).isEqualTo(new String(Samples.PDF));

            HttpAnswer bobs = RawHttp.post(media, bob, pdf);
            assertThat(bobs.status()).as("Bob may not reply here: %s", bobs).isEqualTo(409);
            HttpAnswer html = RawHttp.post(media, ada, List.of(RawHttp.Part.file("a.png", "image/png", Samples.HTML)));
            assertThat(html.status()).as("%s", html).isEqualTo(415);
            assertThat(html.json().path("error").path("code").asText()).isEqualTo("unsupported_media_type");
            HttpAnswer big = RawHttp.post(media, ada, List.of(RawHttp.Part.file("big.png", "image/png",
                    Samples.pngOfSize(80 * 1024))));
            assertThat(big.status()).as("%s", big).isEqualTo(413);
            HttpAnswer noFile = RawHttp.post(media, ada, List.of(RawHttp.Part.field("caption", "hi")));
            assertThat(noFile.status()).as("%s", noFile).isEqualTo(400);
            assertThat(noFile.json().path("error").path("path").asText()).isEqualTo("file");
            HttpAnswer json = http.post(media, ada, "{\"url\": \"https://example.com/a.png\"}");
            assertThat(json.status()).as("%s", json).isEqualTo(415);
            assertThat(RawHttp.post(media, Map.of(), pdf).status()).isEqualTo(401);
            assertThat(RawHttp.post(parley.baseUrl() + "/api/v1/conversations/nope/media", ada, pdf).status())
                    .isEqualTo(404);
            assertThat(contact.transcript().stream().filter(Items.packet("media"))).hasSize(1);
        }
    }

}
