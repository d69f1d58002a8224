package dev.parley.flow.action;

import dev.parley.config.SmtpConfig;
import dev.parley.flow.action.Params.ParamException;
import dev.parley.flow.spi.ActionNode;
import dev.parley.flow.spi.ActionParameter;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ActionResult;
import dev.parley.flow.spi.ParameterRule;
import dev.parley.mail.Mail;
import dev.parley.mail.Sending;
import dev.parley.mail.SmtpClient;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in {@code email} action: a plain text e-mail through the mail server of {@code smtp} in parley.yml. */
final class EmailAction implements ActionNode {
    static final String NAME = "email";
    static final int MAX_RECIPIENTS = 50;
    static final int MAX_SUBJECT = 255;

    /** One address, as in {@code ada@example.com} or {@code Ada <ada@example.com>}, as Parley sends it. */
    private static final Reading<String> ADDRESS = value -> {
        String text = Params.TEXT.read(value);
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            address.validate();
            if (!address.getAddress().contains("@")) {
                throw new AddressException("no domain");
            }
            return address.toUnicodeString();
        } catch (AddressException e) {
            throw new ParamException("must be an e-mail address, got '" + text.strip() + "'");
        }
    };

    /** One address or a list of them. */
    private static final Reading<List<String>> RECIPIENTS = value -> {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        if (items.isEmpty() || items.size() > MAX_RECIPIENTS) {
            throw new ParamException("must be an e-mail address or a list of 1 to " + MAX_RECIPIENTS
                    + " of them, got " + items.size());
        }
        return items.stream().map(ADDRESS::read).toList();
    };

    /** One line of at most {@link #MAX_SUBJECT} characters. */
    private static final Reading<String> SUBJECT = value -> {
        String subject = Params.TEXT.read(value).strip();
        if (subject.contains("\n") || subject.contains("\r")) {
            throw new ParamException("must be one line");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new ParamException("must be at most " + MAX_SUBJECT + " characters, got " + subject.length());
        }
        return subject;
    };

    static final ActionParameters PARAMETERS = ActionParameters.of(
            ActionParameter.required("to", RECIPIENTS.rule()),
            ActionParameter.required("subject", SUBJECT.rule()),
            ActionParameter.required("body", ParameterRule.text()),
            ActionParameter.optional("reply_to", ADDRESS.rule()));

    private final Optional<SmtpClient> client;

    EmailAction(Optional<SmtpConfig> smtp) {
        this.client = smtp.map(SmtpClient::new);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ActionParameters parameters() {
        return PARAMETERS;
    }

    @Override
    public ActionResult run(ActionRequest request) {
        if (client.isEmpty()) {
            return ActionResult.error("no smtp server configured (smtp in parley.yml)");
        }
        Params params = new Params(request.params());
        Mail mail = new Mail(params.read("to", RECIPIENTS).orElseThrow(), params.read("reply_to", ADDRESS),
                params.read("subject", SUBJECT).orElseThrow(), params.text("body").orElseThrow(), Optional.empty(),
                Optional.empty());
        Duration timeout = request.remaining().compareTo(SmtpClient.TIMEOUT) < 0 ? request.remaining()
                : SmtpClient.TIMEOUT;
        return switch (client.get().send(mail, timeout)) {
            case Sending.Sent sent -> {
                request.log().info("e-mail sent to " + mail.to().size() + " recipient"
                        + (mail.to().size() == 1 ? "" : "s"));
                yield ActionResult.success(Map.of("to", mail.to()));
            }
            case Sending.Refused refused -> ActionResult.error(refused.error());
            case Sending.Failed failed -> ActionResult.error(failed.error());
        };
    }
}
