package dev.parley.addon;

import static dev.parley.addon.DispatchWorkspace.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailDispatchTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@example.com", "mailer", "mail-pw"));

    @TempDir
    Path temp;

    private DispatchWorkspace withMail(StoreKind kind) {
        return DispatchWorkspace.start(kind, temp, """
                smtp: { host: 127.0.0.1, port: %d, from: "Parley <noreply@example.com>",
                        username_env: SMTP_USER, password_env: SMTP_PASSWORD }
                """.formatted(MAIL.getSmtp().getPort()));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theTranscriptIsMailedToTheContactAndToAnOperatorAfterTheEnd(StoreKind kind) throws Exception {
        try (DispatchWorkspace w = withMail(kind)) {
            w.contact().say("Is <b>this</b> & that in stock?");
            assertThat(w.send(event("message", "{\"body\":\"Yes, both are.\"}"),
                    event("contact_update", "{\"name\":\"Carla\",\"email\":\"carla@example.com\"}"),
                    event("email_dispatch", "{\"recipient\":{\"type\":\"contact\"}}"),
                    event("email_dispatch", "{\"recipient\":{\"type\":\"operator\",\"id\":\"ada\"}}")).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(w.parley()::drained);
            assertThat(MAIL.getReceivedMessages()).as("nothing is sent before the end").isEmpty();

            assertThat(w.send(event("end", "{}")).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length == 2);
            Map<String, MimeMessage> byRecipient = Arrays.stream(MAIL.getReceivedMessages())
                    .collect(Collectors.toMap(EmailDispatchTest::to, m -> m));
            MimeMessage toContact = byRecipient.get("carla@example.com");
            assertThat(toContact.getSubject()).isEqualTo("Your conversation with Web Shop");
            assertThat(toContact.getFrom()[0].toString()).isEqualTo("Parley <noreply@example.com>");
            assertThat(toContact.getMessageID()).contains(".parley@example.com");
            String text = part(toContact, "text/plain");
            assertThat(text).contains("You:", "Is <b>this</b> & that in stock?", "Bee:", "Yes, both are.",
                    "The conversation ended.");
            String html = part(toContact, "text/html");
            assertThat(html).contains("Is &lt;b&gt;this&lt;/b&gt; &amp; that in stock?", "Yes, both are.")
                    .doesNotContain("<b>this</b>");

            MimeMessage toOperator = byRecipient.get("ada@example.com");
            assertThat(toOperator.getSubject()).isEqualTo("Conversation with Carla on Web Shop");
            assertThat(part(toOperator, "text/plain")).contains("Carla:", "Is <b>this</b> & that in stock?");
            // the outbox records a delivery once the mail server took the mail: a moment after it arrived
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(w.dispatches()).hasSize(2)
                    .allSatisfy(d -> assertThat(d).containsEntry("status", "delivered")));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void emailDispatchNeedsAKnownOperatorAndAKnownContactAddress(StoreKind kind) {
        try (DispatchWorkspace w = withMail(kind)) {
            HttpAnswer unknownOperator = w.send(event("email_dispatch",
                    "{\"recipient\":{\"type\":\"operator\",\"id\":\"bob\"}}"), event("end", "{}"));
            assertThat(unknownOperator.status()).isEqualTo(400);
            assertThat(unknownOperator.json().path("error").path("code").asText()).isEqualTo("unknown_operator");
            assertThat(unknownOperator.json().path("error").path("path").asText())
                    .isEqualTo("[0].packet.payload.recipient.id");

            HttpAnswer noAddress = w.send(event("email_dispatch", "{\"recipient\":{\"type\":\"contact\"}}"),
                    event("end", "{}"));
            assertThat(noAddress.status()).isEqualTo(400);
            JsonNode error = noAddress.json().path("error");
            assertThat(error.path("code").asText()).isEqualTo("contact_email_unknown");
            assertThat(error.path("message").asText()).contains("contact_update");

            HttpAnswer badRecipient = w.send(event("email_dispatch", "{\"recipient\":{\"type\":\"boss\"}}"));
            assertThat(badRecipient.status()).isEqualTo(400);
            assertThat(badRecipient.json().path("error").path("code").asText()).isEqualTo("invalid_event");
            assertThat(badRecipient.json().path("error").path("path").asText())
                    .isEqualTo("[0].packet.payload.recipient.type");

            assertThat(w.dispatches()).as("nothing of a refused request is stored").isEmpty();
            assertThat(w.send(event("message", "{\"body\":\"session still open\"}")).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void withoutSmtpEmailDispatchIsAcceptedAndRecordedAsNotSent(StoreKind kind) {
        try (DispatchWorkspace w = DispatchWorkspace.start(kind, temp, "")) {
            HttpAnswer accepted = w.send(event("contact_update", "{\"email\":\"carla@example.com\"}"),
                    event("email_dispatch", "{\"recipient\":{\"type\":\"contact\"}}"));
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
            assertThat(w.dispatches()).singleElement().satisfies(d -> assertThat(d.get("status")).isEqualTo("pending"));

            assertThat(w.send(event("end", "{}")).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> "failed".equals(w.dispatches().getFirst().get("status")));
            assertThat(w.dispatches().getFirst().get("last_error")).isEqualTo("not sent: no SMTP configured");
            JsonNode timeline = DispatchWorkspace.HTTP.get(w.parley().baseUrl() + "/api/v1/conversations/" + w.contact().conversationId(),
                    w.operator()).json().path("timeline");
            assertThat(timeline).filteredOn(i -> i.path("packet").path("name").asText().equals("email_dispatch"))
                    .singleElement().satisfies(i -> assertThat(i.path("packet").path("payload").path("status").asText())
                            .isEqualTo("not sent: no SMTP configured"));
            assertThat(timeline).as("the transcript is kept").anySatisfy(i ->
                    assertThat(i.path("packet").path("name").asText()).isEqualTo("conversation_ended"));
        }
    }

    private static String to(Message m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart multipart = (MimeMultipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart p = multipart.getBodyPart(i);
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
