package dev.parley.mail;

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
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Sends e-mails through the configured SMTP server (Jakarta Mail): transcripts and the {@code email} action. */
public final class SmtpClient {
    /** The longest a send may take: connecting, and each read or write. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SmtpConfig config;

    public SmtpClient(SmtpConfig config) {
        this.config = config;
    }

    /** Sends {@code mail} with the usual {@link #TIMEOUT}. */
    public Sending send(Mail mail) {
        return send(mail, TIMEOUT);
    }

    /**
     * Sends {@code mail}, each network step bounded by {@code timeout} (at most {@link #TIMEOUT}). A
     * recipient or message the server refuses for good (5xx) is {@link Sending.Refused}; anything else
     * that fails may pass, and is {@link Sending.Failed}.
     */
    public Sending send(Mail mail, Duration timeout) {
        try {
            InternetAddress from = new InternetAddress(config.from(), true);
            MimeMessage message = mail.messageId().isPresent()
                    ? new FixedIdMessage(session(timeout), "<" + mail.messageId().get() + ".parley@"
                            + domain(from) + ">")
                    : new MimeMessage(session(timeout));
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, addresses(mail));
            if (mail.replyTo().isPresent()) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo().get(), true)});
            }
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            if (mail.html().isPresent()) {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.text(), StandardCharsets.UTF_8.name());
                MimeBodyPart html = new MimeBodyPart();
                html.setText(mail.html().get(), StandardCharsets.UTF_8.name(), "html");
                message.setContent(new MimeMultipart("alternative", text, html));
            } else {
                message.setText(mail.text(), StandardCharsets.UTF_8.name());
            }
            if (config.username().isPresent()) {
                Transport.send(message, config.username().get(), config.password().orElseThrow());
            } else {
                Transport.send(message);
            }
            return new Sending.Sent();
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    private Session session(Duration timeout) {
        String millis = Long.toString(Math.max(1, Math.min(timeout.toMillis(), TIMEOUT.toMillis())));
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", Integer.toString(config.port()));
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        props.put("mail.smtp.auth", Boolean.toString(config.username().isPresent()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.starttls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.starttls()));
        return Session.getInstance(props);
    }

    private static InternetAddress[] addresses(Mail mail) throws MessagingException {
        InternetAddress[] to = new InternetAddress[mail.to().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(mail.to().get(i), true);
        }
        return to;
    }

    private static String domain(InternetAddress from) {
        return from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
    }

    private static Sending classify(MessagingException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException()
                : null) {
            int code = switch (cause) {
                case SMTPAddressFailedException a -> a.getReturnCode();
                case SMTPSendFailedException s -> s.getReturnCode();
                default -> 0;
            };
            if (code >= 500) {
                return new Sending.Refused("the mail server refused the message: " + describe(cause));
            }
        }
        return new Sending.Failed("sending the e-mail failed: " + describe(e));
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
