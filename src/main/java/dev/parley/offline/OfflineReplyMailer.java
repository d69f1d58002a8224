package dev.parley.offline;

import dev.parley.config.SmtpConfig;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.mail.Mail;
import dev.parley.mail.Sending;
import dev.parley.mail.SmtpClient;
import dev.parley.outbox.OutboxEntry;
import dev.parley.outbox.OutboxHandler;
import dev.parley.outbox.RetryPolicy;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@code offline_mail}: an operator's message to a web visitor who has no widget open, e-mailed to the
 * contact's address through the mail server. Whether the visitor is there is decided when the entry is
 * delivered; a visitor who is there, or has no address, gets nothing.
 */
public final class OfflineReplyMailer implements OutboxHandler {
    static final String KIND = "offline_mail";
    private static final Logger log = LoggerFactory.getLogger(OfflineReplyMailer.class);

    private final Database db;
    private final WorkspaceStore workspace;
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final TimelineStore timeline;
    private final VisitorPresence presence;
    private final SmtpClient client;
    private final Map<String, String> widgetLocales;

    /** {@code widgetLocales}: widget id → the language tag its texts are shown in, for widgets that set one. */
    public OfflineReplyMailer(Database db, WorkspaceStore workspace, ConversationStore conversations,
            ContactStore contacts, TimelineStore timeline, VisitorPresence presence, SmtpConfig smtp,
            Map<String, String> widgetLocales) {
        this.widgetLocales = Map.copyOf(widgetLocales);
        this.db = db;
        this.workspace = workspace;
        this.conversations = conversations;
        this.contacts = contacts;
        this.timeline = timeline;
        this.presence = presence;
        this.client = new SmtpClient(smtp);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public RetryPolicy retryPolicy(OutboxEntry entry) {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public Result deliver(OutboxEntry entry) {
        String conversationId = entry.payload().path("conversation_id").asText();
        String messageId = entry.payload().path("message_id").asText();
        Optional<Mail> mail = db.read(h -> {
            Optional<Conversation> conversation = conversations.find(h, conversationId);
            Optional<TimelineItem> item = timeline.byId(h, conversationId, messageId);
            if (conversation.isEmpty() || item.isEmpty() || presence.present(h, conversationId)) {
                return Optional.empty();
            }
            String widget = workspace.widget(h, conversation.get().widgetId()).map(Widget::name)
                    .orElse(conversation.get().widgetId());
            return contacts.find(h, conversation.get().contactId()).flatMap(Contact::email)
                    .map(to -> OfflineMail.of(item.get(), widget, conversation.get().pageUrl(),
                            languages(conversation.get())).to(to, entry.eventId()));
        });
        if (mail.isEmpty()) {
            return new Result.Done(tx -> {});
        }
        return switch (client.send(mail.get())) {
            case Sending.Sent sent -> new Result.Done(tx -> {});
            case Sending.Refused refused -> {
                log.warn("the reply {} of conversation {} was not e-mailed: {}", messageId, conversationId,
                        refused.error());
                yield new Result.Done(tx -> {});
            }
            case Sending.Failed failed -> new Result.Retry(failed.error(), tx -> {}, Optional.empty());
        };
    }

    /** The languages the widget showed the visitor: its configured locale, else their browser's. */
    private List<String> languages(Conversation conversation) {
        return Stream.concat(Stream.ofNullable(widgetLocales.get(conversation.widgetId())),
                conversation.locale().stream()).toList();
    }

    @Override
    public void exhausted(Tx tx, OutboxEntry entry, String lastError) {
        log.warn("the reply {} of conversation {} could not be e-mailed: {}", entry.payload().path("message_id")
                .asText(), entry.payload().path("conversation_id").asText(), lastError);
    }
}
