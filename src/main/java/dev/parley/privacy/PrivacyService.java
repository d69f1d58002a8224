package dev.parley.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.media.MediaService;
import dev.parley.operator.AdminService;
import dev.parley.routing.Operator;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A contact's data rights, for admins: a copy of everything Parley holds about a contact, and its
 * erasure; both written to the audit log with who asked and when, which admins can read.
 */
public final class PrivacyService {
    private final Database db;
    private final Clock clock;
    private final AuditLog audit;
    private final ContactExport export;
    private final ContactErasure erasure;

    public PrivacyService(Database db, Clock clock, Ids ids, MediaService media) {
        this.db = db;
        this.clock = clock;
        this.audit = new AuditLog(ids);
        this.export = new ContactExport(media);
        this.erasure = new ContactErasure(new ConversationErasure(media));
    }

    /** The contact's data as one JSON document; recorded as {@code contact.export}. */
    public ObjectNode export(Operator me, String contactId) {
        AuditLog.Actor actor = admin(me);
        Instant now = clock.instant();
        ObjectNode copy = db.read(h -> export.export(h, contactId, now))
                .orElseThrow(() -> ClientError.notFound("contact", contactId));
        ObjectNode detail = Json.object().put("conversations", copy.path("conversations").size())
                .put("media", copy.path("media").size());
        db.useWrite(tx -> audit.record(tx, now, actor, "contact.export", contactId, detail));
        return copy;
    }

    /** Erases the contact (see {@link ContactErasure}); recorded as {@code contact.erase} in the same transaction. */
    public ObjectNode erase(Operator me, String contactId) {
        AuditLog.Actor actor = admin(me);
        Instant now = clock.instant();
        ContactErasure.Outcome outcome = db.write(tx -> {
            ContactErasure.Outcome o = erasure.erase(tx, contactId, now);
            if (o instanceof ContactErasure.Outcome.Done done) {
                audit.record(tx, now, actor, "contact.erase", contactId, summary(done));
            }
            return o;
        });
        return switch (outcome) {
            case ContactErasure.Outcome.Done done -> summary(done).put("contact_id", contactId)
                    .put("erased_at", now.toString());
            case ContactErasure.Outcome.NoSuchContact none -> throw ClientError.notFound("contact", contactId);
            case ContactErasure.Outcome.OpenConversations open -> throw ClientError.conflict("conversations_open",
                    "contact '" + contactId + "' has conversations that have not ended (" + String.join(", ",
                            open.ids()) + "); end them, then erase the contact");
        };
    }

    /** At most {@code limit} audit entries, newest first, older than entry {@code before} when given. */
    public ObjectNode audit(Operator me, int limit, Optional<String> before) {
        admin(me);
        List<AuditLog.Entry> entries = db.read(h -> audit.list(h, limit + 1, before));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        entries.stream().limit(limit).forEach(e -> items.add(e.toJson()));
        if (entries.size() > limit) {
            out.put("next_before", entries.get(limit - 1).id());
        } else {
            out.putNull("next_before");
        }
        return out;
    }

    private static AuditLog.Actor admin(Operator me) {
        Operator admin = AdminService.requireAdmin(me);
        return new AuditLog.Actor(admin.id(), admin.email());
    }

    private static ObjectNode summary(ContactErasure.Outcome.Done done) {
        ConversationErasure.Erased e = done.erased();
        return Json.object().put("conversations", e.conversations()).put("items", e.items()).put("media", e.media())
                .put("deliveries", e.deliveries()).put("queued", e.queued()).put("tokens", done.tokens());
    }
}
