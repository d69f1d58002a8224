package dev.parley.flow.action;

import static dev.parley.flow.action.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.config.SmtpConfig;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailActionTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@example.com", "mailer", "mail-pw"));

    private ActionNodes withSmtp() {
        SmtpConfig smtp = new SmtpConfig("127.0.0.1", MAIL.getSmtp().getPort(), "Shop Bot <bot@example.com>",
                Optional.of("mailer"), Optional.of("mail-pw"), false);
        return ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.of(smtp)));
    }

    @Test
    void theMailIsSentWithSubjectBodyAndReplyTo() throws Exception {
        Requests.Timeline timeline = new Requests.Timeline();
        ActionOutcome outcome = withSmtp().run("email", request(Map.of("to", "Support <support@example.com>",
                "subject", "Order 123456: Carla needs help", "body", "Carla asked about order 123456.\nPlease call.",
                "reply_to", "carla@example.com"), Duration.ofSeconds(10), timeline));

        assertThat(outcome.outcome()).isEqualTo("success");
        assertThat(outcome.data()).isEqualTo(Map.of("to", List.of("Support <support@example.com>")));
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Order 123456: Carla needs help");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Shop Bot <bot@example.com>");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("carla@example.com");
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO)))
                .containsExactly("Support <support@example.com>");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
                .isEqualTo("Carla asked about order 123456.\nPlease call.");
        assertThat(timeline.lines).containsExactly("info: e-mail sent to 1 recipient");
    }

    @Test
    void aListOfRecipientsGetsOneMail() throws Exception {
        ActionOutcome outcome = withSmtp().run("email", request(Map.of("to", List.of("a@example.com", "b@example.com"),
                "subject", "Hello", "body", "Hi both")));

        assertThat(outcome.outcome()).isEqualTo("success");
        assertThat(MAIL.getReceivedMessages()).hasSize(2)
                .allSatisfy(mail -> assertThat(addresses(mail.getRecipients(Message.RecipientType.TO)))
                        .containsExactly("a@example.com", "b@example.com"));
    }

    @Test
    void badParametersAreErrorsAndNothingIsSent() {
        ActionNodes actions = withSmtp();

        assertThat(actions.run("email", request(Map.of("to", "not an address", "subject", "s", "body", "b"))).cause())
                .contains("action 'email': to must be an e-mail address, got 'not an address'");
        assertThat(actions.run("email", request(Map.of("to", "carla", "subject", "s", "body", "b"))).cause())
                .contains("action 'email': to must be an e-mail address, got 'carla'");
        assertThat(actions.run("email", request(Map.of("to", List.of("a@example.com", "x@"), "subject", "s",
                "body", "b"))).cause()).contains("action 'email': to must be an e-mail address, got 'x@'");
        assertThat(actions.run("email", request(Map.of("to", "a@example.com", "subject", "s", "body", "b",
                "reply_to", "nobody"))).cause())
                .contains("action 'email': reply_to must be an e-mail address, got 'nobody'");
        assertThat(actions.run("email", request(Map.of("to", "a@example.com", "subject", "one\nBcc: x@evil.test",
                "body", "b"))).cause()).contains("action 'email': subject must be one line");
        assertThat(actions.run("email", request(Map.of("to", "a@example.com", "body", "b"))).cause())
                .contains("action 'email' needs parameter 'subject'");
        assertThat(actions.run("email", request(Map.of("to", "a@example.com", "subject", "s"))).cause())
                .contains("action 'email' needs parameter 'body'");
        assertThat(actions.run("email", request(Map.of("to", "a@example.com", "subject", "s", "body", "b",
                "cc", "c@example.com"))).cause().orElseThrow()).startsWith("action 'email' has no parameter 'cc'");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutSmtpConfigurationTheActionIsAnError() {
        ActionNodes actions = ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.empty()));

        ActionOutcome outcome = actions.run("email", request(Map.of("to", "a@example.com", "subject", "s",
                "body", "b")));

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause().orElseThrow()).startsWith("no smtp server configured");
    }

    @Test
    void anUnreachableMailServerIsAnError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SmtpConfig smtp = new SmtpConfig("127.0.0.1", port, "bot@example.com", Optional.empty(), Optional.empty(),
                false);

        ActionOutcome outcome = ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.of(smtp)))
                .run("email", request(Map.of("to", "a@example.com", "subject", "s", "body", "b")));

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause().orElseThrow()).startsWith("sending the e-mail failed:")
                .contains("Couldn't connect to host");
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }
}
