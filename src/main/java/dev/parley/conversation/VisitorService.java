package dev.parley.conversation;

import dev.parley.auth.Secrets;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What the widget asks: which of the visitor's conversations are open on it — when a page loads, and while it
 * stays open, as soon as the business starts a new one — and, on a widget with signed visitor identity, which
 * contact the visitor is.
 */
public final class VisitorService {
    /** The most open conversations one answer lists. */
    static final int MAX_OPEN = 20;
    /** No cursor yet: every answer lists (cursors are never negative). */
    private static final long NO_CURSOR = -1;

    /**
     * The contact's open conversations on a widget, newest first, and the cursor of this answer: how many
     * conversations the contact has had there. A later answer with another cursor may list new ones.
     */
    public record Listing(List<Conversation> open, long cursor) {}

    /** The contact a visitor was identified as, the token their browser uses from now on, and what is open. */
    public record Identified(String contactId, String contactToken, Listing listing) {}

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final WorkspaceStore workspace;
    private final ContactStore contacts;
    private final ConversationStore conversations;
    private final IdentitySecrets secrets;
    private final LiveHub hub;

    public VisitorService(Database db, Clock clock, Ids ids, WorkspaceStore workspace, ContactStore contacts,
            ConversationStore conversations, IdentitySecrets secrets, LiveHub hub) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.workspace = workspace;
        this.contacts = contacts;
        this.conversations = conversations;
        this.secrets = secrets;
        this.hub = hub;
    }

    /** The contact's conversations on the widget that have not ended, newest first. */
    public Listing open(Contact contact, String widgetId) {
        requireWidget(widgetId);
        return db.read(h -> listing(h, contact.id(), widgetId, NO_CURSOR));
    }

    /**
     * The contact's open conversations on the widget as soon as the cursor is not {@code after} any more (the
     * contact got a new conversation there), waiting up to {@code wait} for that; else none, with cursor
     * {@code after}.
     */
    public Listing newer(Contact contact, String widgetId, long after, Duration wait) {
        requireWidget(widgetId);
        return LongPoll.answer(wait, () -> db.read(h -> listing(h, contact.id(), widgetId, after)),
                listing -> listing.cursor() != after,
                wake -> hub.subscribeOpened(contact.id(), opened -> {
                    if (opened.widgetId().equals(widgetId)) {
                        wake.run();
                    }
                }));
    }

    private void requireWidget(String widgetId) {
        if (db.read(h -> workspace.openWidget(h, widgetId)).isEmpty()) {
            throw ClientError.notFound("widget", widgetId);
        }
    }

    /** Lists unless the cursor is {@code after}; counts first, so a conversation committed meanwhile is not missed. */
    private Listing listing(Handle h, String contactId, String widgetId, long after) {
        long cursor = conversations.countOn(h, contactId, widgetId);
        return new Listing(cursor == after ? List.of() : conversations.openOn(h, contactId, widgetId, MAX_OPEN),
                cursor);
    }

    /**
     * The visitor is the site's user {@code externalId}, as the site signed. The browser keeps its token when its
     * contact is that user, or is anonymous and no other contact is that user (it then gets the external id);
     * otherwise the user's contact (created if Parley does not know them yet) gets a new token for this browser,
     * and its other browsers keep theirs. A {@code presentedToken} that is not valid is ignored: the signature
     * alone says who the visitor is.
     */
    public Identified identify(String widgetId, String externalId, String signature, Optional<String> presentedToken) {
        requireWidget(widgetId);
        if (!secrets.isSetUp(widgetId)) {
            throw new ClientError(ClientError.Kind.NOT_FOUND, "identity_not_set_up", "widget '" + widgetId
                    + "' has no signed visitor identity: give it identity: { secret_env: … } in parley.yml",
                    Optional.empty(), Optional.empty());
        }
        if (!secrets.signed(widgetId, externalId, signature)) {
            throw new ClientError(ClientError.Kind.UNAUTHORIZED, "invalid_signature", "signature is not the"
                    + " signature of this external_id: the site's back end sends the hex HMAC-SHA256 of external_id"
                    + " under the widget's identity secret", Optional.of("signature"), Optional.empty());
        }
        return db.write(tx -> {
            tx.lock(ContactStore.identityKey("external_id", externalId));
            Instant now = clock.instant();
            Optional<Contact> holder = presentedToken.flatMap(t -> contacts.findByTokenHash(tx.handle(),
                    Secrets.hash(t)));
            Optional<Contact> known = contacts.findByIdentity(tx.handle(), Optional.of(externalId), Optional.empty(),
                    Optional.empty());
            Optional<Contact> keeps = holder.filter(c -> c.externalCustomerId().equals(Optional.of(externalId))
                    || c.externalCustomerId().isEmpty() && known.isEmpty());
            if (keeps.isPresent()) {
                Contact contact = keeps.get();
                if (contact.externalCustomerId().isEmpty()) {
                    contacts.update(tx, contact.withExternalCustomerId(externalId));
                }
                return identified(tx, contact, presentedToken.orElseThrow(), widgetId);
            }
            Contact contact = known.orElseGet(() -> {
                Contact created = new Contact(ids.next("ct"), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(externalId), Optional.empty(), Json.object(), Json.object(), Json.object(), now);
                contacts.insert(tx, created);
                return created;
            });
            String token = Secrets.newToken();
            contacts.addToken(tx, Secrets.hash(token), contact.id(), widgetId, now);
            return identified(tx, contact, token, widgetId);
        });
    }

    private Identified identified(Tx tx, Contact contact, String token, String widgetId) {
        return new Identified(contact.id(), token, listing(tx.handle(), contact.id(), widgetId, NO_CURSOR));
    }
}
