package dev.parley.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContactUploadTest {
    static final String INBOX = """
            groups: [{ id: support, name: Support }]
            widgets: [{ id: web, name: Web, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    HttpAnswer byUrl(WebContact contact, String url) {
        return http.post(contact.url("/media"), contact.auth(), Json.write(Json.object().put("url", url)));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aMultipartUploadIsStoredAndServedBackAsItWas(StoreKind kind) throws IOException {
        byte[] png = Samples.png(16);
        try (MediaParley parley = MediaParley.start(kind, temp, INBOX, Map.of(), MediaSettings.defaults())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            HttpAnswer answer = RawHttp.post(contact.url("/media"), contact.auth(), List.of(
                    RawHttp.Part.file("../../etc/\u202Emy photo.png", "application/octet-stream", png),
                    RawHttp.Part.field("caption", "my cat")));
            assertThat(answer.status()).as("%s", answer).isEqualTo(202);
            JsonNode item = contact.awaitItem("upload", Items.fromContact("media"));
            assertThat(item.path("id").asText()).isEqualTo(answer.json().path("message_id").asText());
            assertThat(item.path("seq").asLong()).isEqualTo(answer.json().path("seq").asLong());
            JsonNode payload = item.path("packet").path("payload");
            assertThat(payload.path("mime_type").asText()).isEqualTo("image/png");
            assertThat(payload.path("filename").asText()).isEqualTo("my photo.png");
            assertThat(payload.path("size").asLong()).isEqualTo(png.length);
            assertThat(payload.path("caption").asText()).isEqualTo("my cat");
            assertThat(payload.path("url").asText()).startsWith("http://localhost:8080/media/")
                    .endsWith("/my%20photo.png");

            HttpResponse<byte[]> served = RawHttp.get(parley.local(payload.path("url").asText()));
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(png);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(served.headers().firstValue("Content-Disposition")).hasValue(
                    "inline; filename=\"my photo.png\"; filename*=UTF-8''my%20photo.png");
            assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
            try (Stream<Path> files = Files.walk(parley.dataDir().resolve("media"))) {
                assertThat(files.filter(Files::isRegularFile).filter(f -> !f.startsWith(
                        parley.dataDir().resolve("media/tmp")))).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUploadByUrlIsFetchedAndPlainTextIsOfferedAsADownload(StoreKind kind) {
        try (FileServer files = FileServer.start();
                MediaParley parley = MediaParley.start(kind, temp, INBOX, Map.of(),
                        MediaParley.loopbackAllowed(MediaSettings.DEFAULT_MAX_BYTES))) {
            String url = files.serve("/receipts/order 4711.txt", Samples.TEXT, "text/plain; charset=utf-8");
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            HttpAnswer answer = http.post(contact.url("/media"), contact.auth(),
                    Json.write(Json.object().put("url", url.replace(" ", "%20")).put("caption", "my receipt")));
            assertThat(answer.status()).as("%s", answer).isEqualTo(202);
            JsonNode payload = contact.awaitItem("upload", Items.fromContact("media")).path("packet").path("payload");
            assertThat(payload.path("filename").asText()).isEqualTo("order 4711.txt");
            assertThat(payload.path("mime_type").asText()).isEqualTo("text/plain; charset=utf-8");

            HttpResponse<byte[]> served = RawHttp.get(parley.local(payload.path("url").asText()));
            assertThat(served.body()).isEqualTo(Samples.TEXT);
            assertThat(served.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                    .isEqualTo("text/plain;charset=utf-8");
            assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
            assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
            String other = payload.path("url").asText().replace("order%204711.txt", "other.txt");
            assertThat(RawHttp.get(parley.local(other)).statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFileOverTheLimitIsRefusedWith413(StoreKind kind) {
        int limit = 256 * 1024;
        try (FileServer files = FileServer.start();
                MediaParley parley = MediaParley.start(kind, temp, INBOX, Map.of(),
                        MediaParley.loopbackAllowed(limit))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            HttpAnswer exact = RawHttp.post(contact.url("/media"), contact.auth(),
                    List.of(RawHttp.Part.file("exact.png", "image/png", Samples.pngOfSize(limit))));
            assertThat(exact.status()).as("%s", exact).isEqualTo(202);

            HttpAnswer multipart = RawHttp.post(contact.url("/media"), contact.auth(),
                    List.of(RawHttp.Part.file("big.png", "image/png", Samples.pngOfSize(limit + 1))));
            assertThat(multipart.status()).as("%s", multipart).isEqualTo(413);
            assertThat(multipart.json().path("error").path("code").asText()).isEqualTo("file_too_large");

            String url = files.serve("/big.png", Samples.pngOfSize(limit + 1), "image/png");
            HttpAnswer byUrl = byUrl(contact, url);
            assertThat(byUrl.status()).as("%s", byUrl).isEqualTo(413);
            assertThat(byUrl.json().path("error").path("message").asText()).contains(url).contains("larger than");
            assertThat(contact.transcript().stream().filter(Items.fromContact("media"))).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void htmlAndSvgAreRefusedWith415WhateverTheyClaimToBe(StoreKind kind) {
        try (FileServer files = FileServer.start();
                MediaParley parley = MediaParley.start(kind, temp, INBOX, Map.of(),
                        MediaParley.loopbackAllowed(MediaSettings.DEFAULT_MAX_BYTES))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            HttpAnswer html = RawHttp.post(contact.url("/media"), contact.auth(),
                    List.of(RawHttp.Part.file("cat.png", "image/png", Samples.HTML)));
            assertThat(html.status()).as("%s", html).isEqualTo(415);
            assertThat(html.json().path("error").path("code").asText()).isEqualTo("unsupported_media_type");
            assertThat(html.json().path("error").path("message").asText()).contains("markup");
            HttpAnswer svg = RawHttp.post(contact.url("/media"), contact.auth(),
                    List.of(RawHttp.Part.file("logo.svg", "image/svg+xml", Samples.SVG)));
            assertThat(svg.status()).as("%s", svg).isEqualTo(415);
            HttpAnswer script = RawHttp.post(contact.url("/media"), contact.auth(),
                    List.of(RawHttp.Part.file("app.js", "text/plain", "console.log(1)".getBytes())));
            assertThat(script.status()).as("%s", script).isEqualTo(415);
            String url = files.serve("/page", Samples.HTML, "image/jpeg");
            HttpAnswer byUrl = byUrl(contact, url);
            assertThat(byUrl.status()).as("%s", byUrl).isEqualTo(415);
            assertThat(contact.transcript()).noneMatch(Items.packet("media"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theBotReceivesAMediaEventForAnUpload(StoreKind kind) {
        try (WebhookRecorder bot = WebhookRecorder.start((h, b) -> WebhookRecorder.Reply.empty());
                MediaParley parley = MediaParley.start(kind, temp, """
                        groups: [{ id: support, name: Support }]
                        bots: [{ id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }]
                        widgets: [{ id: web, name: Web, group: support }]
                        """.formatted(bot.url()), Map.of(), MediaSettings.defaults())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            HttpAnswer answer = RawHttp.post(contact.url("/media"), contact.auth(),
                    List.of(RawHttp.Part.file("invoice.pdf", "application/pdf", Samples.PDF)));
            assertThat(answer.status()).as("%s", answer).isEqualTo(202);
            WebhookRecorder.Call call = await().atMost(Duration.ofSeconds(10)).until(
                    () -> bot.calls().stream().filter(c -> c.packetName().equals("media")).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            JsonNode payload = call.payload();
            assertThat(payload.properties()).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder("url", "mime_type", "filename", "size", "caption");
            assertThat(payload.path("mime_type").asText()).isEqualTo("application/pdf");
            assertThat(payload.path("filename").asText()).isEqualTo("invoice.pdf");
            assertThat(payload.path("size").asLong()).isEqualTo(Samples.PDF.length);
            assertThat(payload.path("caption").isNull()).isTrue();
            HttpResponse<byte[]> served = RawHttp.get(parley.local(payload.path("url").asText()));
            assertThat(served.body()).isEqualTo(Samples.PDF);
            assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void onlyTheConversationsContactMayUpload(StoreKind kind) {
        try (MediaParley parley = MediaParley.start(kind, temp, INBOX, Map.of(), MediaSettings.defaults())) {
            WebContact owner = WebContact.open(http, parley.baseUrl(), "web");
            WebContact stranger = WebContact.open(http, parley.baseUrl(), "web");
            List<RawHttp.Part> file = List.of(RawHttp.Part.file("a.png", "image/png", Samples.png(2)));
            assertThat(RawHttp.post(owner.url("/media"), Map.of(), file).status()).isEqualTo(401);
            assertThat(RawHttp.post(owner.url("/media"), stranger.auth(), file).status()).isEqualTo(404);
            HttpAnswer noFile = RawHttp.post(owner.url("/media"), owner.auth(),
                    List.of(RawHttp.Part.field("caption", "x")));
            assertThat(noFile.status()).as("%s", noFile).isEqualTo(400);
            assertThat(noFile.json().path("error").path("path").asText()).isEqualTo("file");
            HttpAnswer malformed = RawHttp.post(owner.url("/media"), owner.auth(),
                    List.of(RawHttp.Part.file("bell\u0007.png", "image/png", Samples.png(2))));
            assertThat(malformed.status()).as("%s", malformed).isEqualTo(400);
            assertThat(malformed.json().path("error").path("code").asText()).isEqualTo("invalid_multipart");
            assertThat(owner.transcript()).noneMatch(Items.packet("media"));
        }
    }
}
