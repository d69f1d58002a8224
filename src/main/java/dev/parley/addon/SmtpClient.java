package dev.parley.addon;

import dev.parley.config.SmtpConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Sends e-mails through the configured SMTP server (Jakarta Mail). */
final class SmtpClient {
    private static final String TIMEOUT_MS = "10000";

    private final SmtpConfig config;
    private final Session session;

    SmtpClient(SmtpConfig config) {
        this.config = config;
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", Integer.toString(config.port()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        props.put("mail.smtp.auth", Boolean.toString(config.username().isPresent()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.starttls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.starttls()));
        this.session = Session.getInstance(props);
    }

    /**
     * Sends {@code mail} to {@code to}. The Message-ID is made from {@code eventId}, which stays the
     * same on every retry, so a receiving system can tell a repeated message from a new one. A
     * recipient or message the server refuses for good (5xx) is {@link Attempt.Rejected}; anything
     * else that fails may pass and is retried.
     */
    Attempt send(String to, TranscriptMail mail, String eventId) {
        try {
            InternetAddress from = new InternetAddress(config.from(), true);
            String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
            MimeMessage message = new FixedIdMessage(session, "<" + eventId + ".parley@" + domain + ">");
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (config.username().isPresent()) {
                Transport.send(message, config.username().get(), config.password().orElseThrow());
            } else {
                Transport.send(message);
            }
            return new Attempt.Delivered();
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    private static Attempt classify(MessagingException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException()
                : null) {
            int code = switch (cause) {
                case SMTPAddressFailedException a -> a.getReturnCode();
                case SMTPSendFailedException s -> s.getReturnCode();
                default -> 0;
            };
            if (code >= 500) {
                return new Attempt.Rejected("the mail server refused the message: " + describe(cause));
            }
        }
        return new Attempt.Failed("sending the e-mail failed: " + describe(e));
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    }

    /** Keeps the given Message-ID instead of making a new one when the message is saved. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
