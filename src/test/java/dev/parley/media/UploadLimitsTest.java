package dev.parley.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Uploads are rate limited per contact, and each conversation holds a bounded number of bytes of files. */
class UploadLimitsTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    static String workspace(String limits) {
        return """
                groups: [{ id: support, name: Support }]
                widgets: [{ id: web, name: Web, group: support }]
                limits: %s
                """.formatted(limits);
    }

    static HttpAnswer upload(WebContact contact, int bytes) {
        return RawHttp.post(contact.url("/media"), contact.auth(),
                List.of(RawHttp.Part.file("photo.png", "image/png", Samples.pngOfSize(bytes))));
    }

    static long storedFiles(TestParley parley) throws Exception {
        Path media = parley.database().dataDir().resolve("media");
        if (!Files.exists(media)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(media)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getParent().getFileName().toString().equals("tmp"))
                    .count();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void uploadsAreLimitedPerContact(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, workspace("{ upload_per_contact: 2/10m }"), Map.of())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            assertThat(upload(contact, 100).status()).isEqualTo(202);
            assertThat(upload(contact, 100).status()).isEqualTo(202);
            HttpAnswer refused = upload(contact, 100);
            assertThat(refused.status()).as("%s", refused).isEqualTo(429);
            assertThat(refused.json().path("error").path("message").asText()).contains("uploads from this contact");
            assertThat(refused.header("Retry-After")).isPresent();
            assertThat(upload(WebContact.open(http, parley.baseUrl(), "web"), 100).status()).isEqualTo(202);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aConversationHoldsAtMostItsMediaQuota(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, workspace("{ media_per_conversation: 1KB }"),
                Map.of())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            assertThat(upload(contact, 600).status()).isEqualTo(202);
            long stored = storedFiles(parley);
            HttpAnswer refused = upload(contact, 600);
            assertThat(refused.status()).as("%s", refused).isEqualTo(413);
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("media_quota_exceeded");
            assertThat(refused.json().path("error").path("path").asText()).isEqualTo("file");
            assertThat(storedFiles(parley)).as("the refused file is not kept").isEqualTo(stored);
            assertThat(upload(contact, 400).status()).as("what still fits").isEqualTo(202);
            assertThat(upload(WebContact.open(http, parley.baseUrl(), "web"), 600).status())
                    .as("another conversation has its own quota").isEqualTo(202);
        }
    }
}
