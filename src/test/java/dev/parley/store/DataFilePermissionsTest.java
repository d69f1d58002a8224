package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.Parley;
import dev.parley.app.ServerSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.WebContact;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Parley stores on disk is for its own account only: folders 0700, files 0600. */
class DataFilePermissionsTest {
    @TempDir
    Path temp;

    static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDatabaseItsLogAndStoredFilesAreReadableByTheOwnerAlone() throws Exception {
        Path data = temp.resolve("data");
        ServerSettings settings = ServerSettings.of(0, data, Optional.empty()).withHost("127.0.0.1");
        try (Parley parley = Parley.start(settings, ConfigLoader.parse("""
                groups: [{ id: support, name: Support }]
                widgets: [{ id: web, name: Web, group: support }]
                """, "parley.yml", Map.of()))) {
            String base = "http://127.0.0.1:" + parley.port();
            WebContact contact = WebContact.open(new JsonHttp(), base, "web");
            String boundary = "b0undary";
            byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nOrder 4711, delivered on Tuesday\r\n--" + boundary + "--\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(contact.url("/media"))).header("Authorization", "Bearer " + contact.token())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);

            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve("parley.db"))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve("parley.db-wal"))).isEqualTo("rw-------");
            List<Path> media;
            try (Stream<Path> all = Files.walk(data.resolve("media"))) {
                media = all.toList();
            }
            assertThat(media).filteredOn(Files::isRegularFile).isNotEmpty();
            for (Path p : media) {
                assertThat(permissions(p)).as("%s", p).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }
}
