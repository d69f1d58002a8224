package dev.parley.flow.action;

import dev.parley.config.SmtpConfig;
import dev.parley.flow.action.Params.ParamException;
import dev.parley.flow.spi.ActionNode;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ActionResult;
import dev.parley.mail.Mail;
import dev.parley.mail.Sending;
import dev.parley.mail.SmtpClient;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in {@code email} action: a plain text e-mail through the mail server of {@code smtp} in parley.yml. */
final class EmailAction implements ActionNode {
    static final String NAME = "email";
    static final int MAX_RECIPIENTS = 50;
    static final int MAX_SUBJECT = 255;
    private static final List<String> PARAMS = List.of("to", "subject", "body", "reply_to");

    private final Optional<SmtpClient> client;

    EmailAction(Optional<SmtpConfig> smtp) {
        this.client = smtp.map(SmtpClient::new);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ActionResult run(ActionRequest request) {
        if (client.isEmpty()) {
            return ActionResult.error("no smtp server configured (smtp in parley.yml)");
        }
        Mail mail;
        try {
            Params params = new Params(request.params()).allowOnly(NAME, PARAMS);
            String subject = params.text("subject").strip();
            if (subject.contains("\n") || subject.contains("\r")) {
                throw new ParamException("with.subject: must be one line");
            }
            if (subject.length() > MAX_SUBJECT) {
                throw new ParamException("with.subject: must be at most " + MAX_SUBJECT + " characters, not "
                        + subject.length());
            }
            mail = new Mail(recipients(params), params.optionalText("reply_to").map(a -> address("reply_to", a)),
                    subject, params.text("body"), Optional.empty(), Optional.empty());
        } catch (ParamException e) {
            return ActionResult.error(e.getMessage());
        }
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

    /** {@code to} is one address or a list of them. */
    private static List<String> recipients(Params params) {
        Object raw = params.raw("to").orElseThrow(() -> new ParamException("with.to: required"));
        List<String> to = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String text)) {
                    throw new ParamException("with.to." + i + ": must be an e-mail address");
                }
                to.add(address("to." + i, text));
            }
        } else {
            to.add(address("to", params.text("to")));
        }
        if (to.isEmpty()) {
            throw new ParamException("with.to: required: an address or a list of addresses");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw new ParamException("with.to: at most " + MAX_RECIPIENTS + " addresses, not " + to.size());
        }
        return to;
    }

    /** One address, as in {@code ada@example.com} or {@code Ada <ada@example.com>}. */
    private static String address(String param, String text) {
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            address.validate();
            if (!address.getAddress().contains("@")) {
                throw new AddressException("no domain");
            }
            return address.toUnicodeString();
        } catch (AddressException e) {
            throw new ParamException("with." + param + ": '" + text.strip() + "' is not an e-mail address");
        }
    }
}
