package dev.parley.conversation;

import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Notes on a conversation or on a contact, by operators and bots. */
public final class NoteStore {
    private final Clock clock;
    private final Ids ids;

    public NoteStore(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** One note. */
    public record Note(String id, Optional<String> conversationId, Optional<String> contactId, Author author,
            String body, Instant createdAt) {}

    public Note add(Tx tx, Optional<String> conversationId, Optional<String> contactId, Author author, String body) {
        Note note = new Note(ids.next("note"), conversationId, contactId, author, body, clock.instant());
        tx.handle().createUpdate("""
                INSERT INTO notes (id, conversation_id, contact_id, author_type, author_id, body, created_at)
                VALUES (:id, :conv, :contact, :atype, :aid, :body, :at)""")
                .bind("id", note.id()).bind("conv", conversationId.orElse(null)).bind("contact", contactId.orElse(null))
                .bind("atype", author.type().wire()).bind("aid", author.id().orElse(null)).bind("body", body)
                .bind("at", note.createdAt().toEpochMilli()).execute();
        return note;
    }

    /** Notes of the conversation and of its contact, oldest first. */
    public List<Note> of(Handle h, String conversationId, String contactId) {
        return h.createQuery("""
                SELECT * FROM notes WHERE conversation_id = :conv OR contact_id = :contact ORDER BY created_at, id""")
                .bind("conv", conversationId).bind("contact", contactId)
                .map((rs, ctx) -> new Note(rs.getString("id"), Optional.ofNullable(rs.getString("conversation_id")),
                        Optional.ofNullable(rs.getString("contact_id")),
                        new Author(Author.Type.valueOf(rs.getString("author_type").toUpperCase()),
                                Optional.ofNullable(rs.getString("author_id")), Optional.empty()),
                        rs.getString("body"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }
}
