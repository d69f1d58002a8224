package dev.parley.addon;

import dev.parley.config.SmtpConfig;
import dev.parley.mail.Mail;
import dev.parley.mail.Sending;
import dev.parley.mail.SmtpClient;
import dev.parley.outbox.OutboxEntry;
import dev.parley.routing.Operator;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import java.util.List;
import java.util.Optional;

/** Runs {@code email_dispatch}: e-mails the transcript to an operator or to the contact. */
final class TranscriptMailer implements DispatchRunner {
    static final String KIND = "email";

    private final Database db;
    private final WorkspaceStore workspace;
    private final Optional<SmtpClient> client;

    TranscriptMailer(Database db, WorkspaceStore workspace, Optional<SmtpConfig> smtp) {
        this.db = db;
        this.workspace = workspace;
        this.client = smtp.map(SmtpClient::new);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Attempt run(Dispatch dispatch, EndedConversation conversation, OutboxEntry entry) {
        if (client.isEmpty()) {
            return new Attempt.Rejected(DispatchService.NO_SMTP);
        }
        boolean forContact = dispatch.request() instanceof DispatchRequest.EmailToContact;
        Optional<String> to = switch (dispatch.request()) {
            case DispatchRequest.EmailToOperator o -> db.read(h -> workspace.operator(h, o.operatorId()))
                    .map(Operator::email);
            case DispatchRequest.EmailToContact c -> conversation.contact().email();
            case DispatchRequest.Addon a -> Optional.empty();
        };
        if (to.isEmpty()) {
            return new Attempt.Rejected("the recipient's e-mail address is no longer known");
        }
        TranscriptMail transcript = TranscriptMail.of(conversation, forContact);
        Mail mail = new Mail(List.of(to.get()), Optional.empty(), transcript.subject(), transcript.text(),
                Optional.of(transcript.html()), Optional.of(entry.eventId()));
        return switch (client.get().send(mail)) {
            case Sending.Sent sent -> new Attempt.Delivered();
            case Sending.Refused refused -> new Attempt.Rejected(refused.error());
            case Sending.Failed failed -> new Attempt.Failed(failed.error());
        };
    }
}
