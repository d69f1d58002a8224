package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** When nobody is online the visitor leaves an e-mail address, and replies written while they are gone are e-mailed. */
class OfflineEmailApiTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    private String workspace(boolean smtp) {
        return """
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin,
                              password_env: ADA_PW }]
                widgets: [{ id: web, name: Northwind, group: support }]
                """ + (smtp ? "smtp: { host: 127.0.0.1, port: %d, from: \"Northwind <help@example.com>\" }\n"
                .formatted(MAIL.getSmtp().getPort()) : "");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aReplyToAVisitorWhoLeftIsEmailedAndOneToAVisitorWhoIsThereIsNot(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, workspace(true), Map.of("ADA_PW", "ada-password"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.say("Do you ship <to> Iceland & Norway?");
            JsonNode nobody = availability(contact);
            assertThat(nobody.path("operators_online").asBoolean()).isFalse();
            assertThat(nobody.path("ask_for_email").asBoolean()).isTrue();

            OperatorLogin.assertRefused(leave(contact, "{\"email\":\"carla at example\"}"), 400, "email");
            OperatorLogin.assertRefused(leave(contact, "{}"), 400, "email");
            HttpAnswer left = leave(contact, "{\"email\":\"carla@example.com\"}");
            assertThat(left.status()).as("%s", left).isEqualTo(200);
            assertThat(availability(contact).path("ask_for_email").asBoolean()).as("the address is known").isFalse();
            assertThat(availability(contact).path("email").asText()).isEqualTo("carla@example.com");

            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "ada-password");
            String conversation = parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId();
            assertThat(http.get(conversation, ada).json().path("contact").path("email").asText())
                    .isEqualTo("carla@example.com");
            assertThat(http.post(conversation + "/take", ada, "").status()).isEqualTo(200);
            assertThat(http.post(conversation + "/messages", ada, "{\"body\":\"Yes, to both <b>countries</b>.\"}")
                    .status()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length == 1);
            MimeMessage mail = MAIL.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("carla@example.com");
            assertThat(mail.getSubject()).isEqualTo("Ada answered you on Northwind");
            String body = GreenMailUtil.getBody(mail);
            assertThat(body).contains("Ada answered while you were away:", "Yes, to both <b>countries</b>.")
                    .contains("Yes, to both &lt;b&gt;countries&lt;/b&gt;.");

            StreamTest.Collector frames = new StreamTest.Collector();
            WebSocket socket = http.client().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:"
                    + parley.port() + "/api/web/v1/conversations/" + contact.conversationId() + "/stream?token="
                    + contact.token()), frames).join();
            await().atMost(Duration.ofSeconds(10)).until(() -> !frames.seqs().isEmpty());
            assertThat(http.post(conversation + "/messages", ada, "{\"body\":\"Anything else?\"}").status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> frames.frames.stream()
                    .anyMatch(f -> f.path("packet").path("payload").path("body").asText()
                            .equals("Anything else?")));
            await().atMost(Duration.ofSeconds(10)).until(parley::drained);
            assertThat(MAIL.getReceivedMessages()).as("the visitor is there: nothing is e-mailed").hasSize(1);

            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            await().atMost(Duration.ofSeconds(10)).until(() -> !seen(parley, contact));
            assertThat(http.post(conversation + "/messages", ada, "{\"body\":\"Bye for now.\"}").status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length == 2);
            assertThat(GreenMailUtil.getBody(MAIL.getReceivedMessages()[1])).contains("Bye for now.");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aVisitorWhoLongPollsIsThereAndGetsNoEmail(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, workspace(true), Map.of("ADA_PW", "ada-password"))) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            assertThat(leave(contact, "{\"email\":\"poll@example.com\"}").status()).isEqualTo(200);
            contact.say("Hello?");
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "ada-password");
            String conversation = parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId();
            assertThat(http.post(conversation + "/take", ada, "").status()).isEqualTo(200);
            long last = contact.transcript().getLast().path("seq").asLong();
            HttpRequest.Builder poll = HttpRequest.newBuilder(
                    URI.create(contact.url("/messages?after=" + last + "&wait=25")));
            contact.auth().forEach(poll::header);
            var answer = http.client().sendAsync(poll.build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(10)).until(() -> seen(parley, contact));
            assertThat(http.post(conversation + "/messages", ada, "{\"body\":\"Still there?\"}").status())
                    .isEqualTo(201);
            assertThat(answer.get(10, TimeUnit.SECONDS).body()).contains("Still there?");
            await().atMost(Duration.ofSeconds(10)).until(parley::drained);
            assertThat(MAIL.getReceivedMessages()).as("the long-polling visitor is there").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void nobodyIsAskedWhileAnOperatorIsOnlineAndWithoutAMailServerNothingIsSent(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, workspace(false), Map.of("ADA_PW", "ada-password"))) {
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "ada-password");
            assertThat(http.put(parley.baseUrl() + "/api/v1/operators/me/status", ada, "{\"status\":\"online\"}")
                    .status()).isEqualTo(200);
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            JsonNode online = availability(contact);
            assertThat(online.path("operators_online").asBoolean()).isTrue();
            assertThat(online.path("ask_for_email").asBoolean()).isFalse();
            assertThat(leave(contact, "{\"email\":\"dan@example.com\"}").status()).isEqualTo(200);
            String conversation = parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId();
            assertThat(http.post(conversation + "/messages", ada, "{\"body\":\"Hello Dan\"}").status())
                    .isEqualTo(201);
            int queued = parley.parley().database().read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM outbox WHERE kind = 'offline_mail'").mapTo(Integer.class).one());
            assertThat(queued).isZero();
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            WebContact stranger = WebContact.open(http, parley.baseUrl(), "web");
            HttpAnswer notTheirs = http.put(contact.url("/email"), stranger.auth(), "{\"email\":\"x@example.com\"}");
            assertThat(notTheirs.status()).isEqualTo(404);
            assertThat(http.get(contact.url("/availability"), Map.of()).status()).isEqualTo(401);
        }
    }

    /** Whether Parley counts the contact's visitor as having the conversation open in a widget. */
    private static boolean seen(TestParley parley, WebContact contact) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM conversations WHERE id = :id AND visitor_seen_at IS NOT NULL")
                .bind("id", contact.conversationId()).mapTo(Integer.class).one()) == 1;
    }

    private JsonNode availability(WebContact contact) {
        HttpAnswer a = http.get(contact.url("/availability"), contact.auth());
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json();
    }

    private HttpAnswer leave(WebContact contact, String body) {
        return http.put(contact.url("/email"), contact.auth(), body);
    }
}
