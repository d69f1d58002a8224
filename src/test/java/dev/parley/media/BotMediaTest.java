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
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BotMediaTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    final byte[] png = Samples.png(8);

    /** A bot in a session with a web contact. */
    record Session(MediaParley parley, WebhookRecorder bot, WebContact contact, String cid) implements AutoCloseable {
        HttpAnswer send(JsonHttp http, String... packets) {
            return http.post(parley.baseUrl() + "/api/chatbot/v1/bots/b/events", Map.of("SECURITY-TOKEN", "bee"),
                    BotMediaTest.events(cid, packets));
        }

        @Override
        public void close() {
            parley.close();
            bot.close();
        }
    }

    /** {@code answer} gets each webhook call's body and returns the bot's answer body. */
    Session open(StoreKind kind, MediaSettings media, Function<JsonNode, String> answer) {
        WebhookRecorder bot = WebhookRecorder.start((headers, body) ->
                new WebhookRecorder.Reply(200, answer.apply(Json.MAPPER.readTree(body))));
        MediaParley parley = MediaParley.start(kind, temp, """
                groups: [{ id: support, name: Support }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s",
                      api_token_env: TOKEN }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(bot.url()), Map.of("TOKEN", "bee"), media);
        WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
        await().atMost(Duration.ofSeconds(10)).until(() -> !bot.calls().isEmpty());
        return new Session(parley, bot, contact, bot.calls().getFirst().cid());
    }

    static String cidOf(JsonNode call) {
        return call.path("info").path("cid").asText();
    }

    static boolean start(JsonNode call) {
        return call.path("packet").path("name").asText().equals("start");
    }

    static String events(String cid, String... packets) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < packets.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"info\":{\"cid\":\"").append(cid).append("\"},\"packet\":")
                    .append(packets[i]).append("}");
        }
        return body.append("]").toString();
    }

    static String media(String url, String extra) {
        return "{\"name\":\"media\",\"payload\":{\"url\":\"" + url + "\"" + extra + "}}";
    }

    static String message(String body) {
        return "{\"name\":\"message\",\"payload\":{\"body\":\"" + body + "\"}}";
    }

    static final MediaSettings LOOPBACK = MediaParley.loopbackAllowed(MediaSettings.DEFAULT_MAX_BYTES);

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void mediaSentToTheApiUrlReachesTheContactFromParleysOwnCopy(StoreKind kind) {
        try (FileServer files = FileServer.start(); Session s = open(kind, LOOPBACK, call -> "")) {
            String url = files.serve("/cdn/a1/cat.png", png, "application/octet-stream");
            HttpAnswer ok = s.send(http, message("Here it is"), media(url, ",\"caption\":\"A cat\""));
            assertThat(ok.status()).as("%s", ok).isEqualTo(200);
            assertThat(ok.json().path("applied").asInt()).isEqualTo(2);
            JsonNode item = s.contact().awaitItem("bot media", Items.fromBot("media"));
            JsonNode payload = item.path("packet").path("payload");
            assertThat(payload.path("url").asText()).startsWith("http://localhost:8080/media/").endsWith("/cat.png");
            assertThat(payload.path("type").asText()).isEqualTo("image");
            assertThat(payload.path("mime_type").asText()).isEqualTo("image/png");
            assertThat(payload.path("caption").asText()).isEqualTo("A cat");
            assertThat(payload.path("size").asLong()).isEqualTo(png.length);
            HttpResponse<byte[]> served = RawHttp.get(s.parley().local(payload.path("url").asText()));
            assertThat(served.body()).isEqualTo(png);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void mediaInAWebhookAnswerReachesTheContactAlsoAfterADelay(StoreKind kind) {
        try (FileServer files = FileServer.start()) {
            String url = files.serve("/docs/terms.pdf", Samples.PDF, "application/pdf");
            try (Session s = open(kind, LOOPBACK, call -> start(call)
                    ? events(cidOf(call),
                            media(url, ",\"type\":\"file\",\"filename\":\"Terms.pdf\""),
                            "{\"name\":\"delay\",\"payload\":{\"seconds\":0.1,\"typing\":false}}",
                            media(url, ",\"caption\":\"again\""))
                    : "")) {
                JsonNode first = s.contact().awaitItem("media", Items.fromBot("media"));
                assertThat(first.path("packet").path("payload").path("filename").asText()).isEqualTo("Terms.pdf");
                assertThat(first.path("packet").path("payload").path("type").asText()).isEqualTo("file");
                JsonNode later = s.contact().awaitItem("delayed media",
                        Items.fromBot("media").and(i -> i.path("packet").path("payload").path("caption").asText()
                                .equals("again")));
                assertThat(later.path("packet").path("payload").path("filename").asText()).isEqualTo("terms.pdf");
                HttpResponse<byte[]> served = RawHttp.get(s.parley().local(
                        later.path("packet").path("payload").path("url").asText()));
                assertThat(served.body()).isEqualTo(Samples.PDF);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUnreachableUrlAnswers502AndNothingOfTheRequestIsApplied(StoreKind kind) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Session s = open(kind, LOOPBACK, call -> "")) {
            String url = "http://127.0.0.1:" + closedPort + "/gone.png";
            HttpAnswer failed = s.send(http, message("You should not see this"), media(url, ""));
            assertThat(failed.status()).as("%s", failed).isEqualTo(502);
            JsonNode error = failed.json().path("error");
            assertThat(error.path("code").asText()).isEqualTo("media_fetch_failed");
            assertThat(error.path("path").asText()).isEqualTo("[1].packet.payload.url");
            assertThat(error.path("message").asText()).startsWith("could not fetch " + url + ": ")
                    .contains("refused");
            assertThat(s.contact().transcript()).noneMatch(Items.fromBot("message"));

            HttpAnswer notFound = s.send(http, media("http://127.0.0.1:" + closedPort + "/x", ""));
            assertThat(notFound.status()).isEqualTo(502);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFileOfAnotherTypeThanTheEventSaysOrOfAForbiddenTypeIsRefused(StoreKind kind) {
        try (FileServer files = FileServer.start(); Session s = open(kind, LOOPBACK, call -> "")) {
            String image = files.serve("/cat.png", png, "image/png");
            HttpAnswer mismatch = s.send(http, media(image, ",\"type\":\"video\""));
            assertThat(mismatch.status()).as("%s", mismatch).isEqualTo(502);
            assertThat(mismatch.json().path("error").path("message").asText()).contains("image/png").contains("video");
            String page = files.serve("/page.png", Samples.HTML, "image/png");
            HttpAnswer html = s.send(http, media(page, ""));
            assertThat(html.status()).as("%s", html).isEqualTo(502);
            assertThat(html.json().path("error").path("message").asText()).contains(page).contains("markup");
            assertThat(s.contact().transcript()).noneMatch(Items.fromBot("media"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void privateAddressesAreRefusedUnlessTheInstallationAllowsThem(StoreKind kind) {
        try (FileServer files = FileServer.start();
                Session s = open(kind, MediaSettings.defaults(), call -> "")) {
            String url = files.serve("/cat.png", png, "image/png");
            HttpAnswer refused = s.send(http, media(url, ""));
            assertThat(refused.status()).as("%s", refused).isEqualTo(502);
            assertThat(refused.json().path("error").path("message").asText())
                    .startsWith("could not fetch " + url + ": ").contains("127.0.0.1").contains("loopback")
                    .contains("PARLEY_MEDIA_ALLOW_PRIVATE");
            HttpAnswer metadata = s.send(http, media("http://169.254.169.254/latest/meta-data/", ""));
            assertThat(metadata.status()).isEqualTo(502);
            assertThat(metadata.json().path("error").path("message").asText()).contains("link-local");
            assertThat(s.contact().transcript()).noneMatch(Items.fromBot("media"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRedirectToAPrivateAddressIsRefused(StoreKind kind) {
        try (FileServer trusted = FileServer.start(); FileServer internal = FileServer.start()) {
            MediaSettings onlyTrusted = new MediaSettings(MediaSettings.DEFAULT_MAX_BYTES, false,
                    Set.of("127.0.0.1:" + trusted.port()));
            String inside = internal.serve("/secret.png", png, "image/png");
            String direct = trusted.serve("/cat.png", png, "image/png");
            String bounce = trusted.redirect("/bounce", trusted.redirect("/bounce2", inside));
            try (Session s = open(kind, onlyTrusted, call -> "")) {
                assertThat(s.send(http, media(direct, "")).status()).isEqualTo(200);
                HttpAnswer refused = s.send(http, media(bounce, ""));
                assertThat(refused.status()).as("%s", refused).isEqualTo(502);
                assertThat(refused.json().path("error").path("message").asText())
                        .contains("redirected to " + inside).contains("loopback");
                String loop = trusted.redirect("/loop", trusted.url("/loop"));
                HttpAnswer tooMany = s.send(http, media(loop, ""));
                assertThat(tooMany.status()).isEqualTo(502);
                assertThat(tooMany.json().path("error").path("message").asText()).contains("more than 3 redirects");
                assertThat(s.contact().transcript().stream().filter(Items.fromBot("media"))).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFailedFetchInAWebhookAnswerSkipsThatEventAndAppliesTheOthers(StoreKind kind) {
        try (Session s = open(kind, MediaSettings.defaults(), call -> start(call)
                ? events(cidOf(call), message("one"), media("http://127.0.0.1:9/x.png", ""),
                        message("three"))
                : "")) {
            s.contact().awaitBotMessage("three");
            List<Map<String, Object>> log = await().atMost(Duration.ofSeconds(10)).until(() -> s.parley().parley()
                    .database().read(h -> h.createQuery("SELECT outcome, error FROM deliveries WHERE cid = :cid"
                            + " ORDER BY id").bind("cid", s.cid()).mapToMap().list()), l -> l.size() == 2);
            assertThat(log).extracting(row -> row.get("outcome")).containsExactly("delivered", "invalid_event_skipped");
            assertThat((String) log.get(1).get("error")).startsWith(
                    "[1].packet.payload.url: could not fetch http://127.0.0.1:9/x.png: ").contains("loopback");
            assertThat(s.contact().transcript()).filteredOn(Items.fromBot("message")).extracting(Items::bodyOf)
                    .containsExactly("one", "three");
            assertThat(s.contact().transcript()).noneMatch(Items.fromBot("media"));
        }
    }
}
