package dev.parley.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.LiveHub;
import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Marking visitors seen never waits behind a conversation's writer: a row held by one is marked next time. */
class VisitorPresenceTest {
    @TempDir
    Path temp;

    @Test
    void aMarkPassesOverAConversationAWriterHoldsAndMarksTheOthers() throws Exception {
        try (TestDatabase tdb = StoreKind.POSTGRESQL.create(temp); Database db = Database.open(tdb.url())) {
            String busy = conversation(db, "conv_busy");
            String idle = conversation(db, "conv_idle");
            VisitorPresence presence = new VisitorPresence(db, Clock.systemUTC(), Duration.ofHours(1));
            try (Connection writer = DriverManager.getConnection(tdb.url().jdbcUrl(), "postgres", "")) {
                writer.setAutoCommit(false);
                try (PreparedStatement lock = writer.prepareStatement(
                        "SELECT id FROM conversations WHERE id = ? FOR UPDATE")) {
                    lock.setString(1, busy);
                    lock.executeQuery().close();
                }
                CompletableFuture<Void> opening = CompletableFuture.runAsync(() -> {
                    presence.opened(busy);
                    presence.opened(idle);
                });
                await("the marks do not wait for the writer").atMost(Duration.ofSeconds(5)).until(opening::isDone);
                opening.join();
                assertThat(seenAt(db, idle)).isNotNull();
                assertThat(seenAt(db, busy)).as("passed over while its writer holds it").isNull();
                writer.rollback();
            }
            presence.pollEnded(busy);
            assertThat(seenAt(db, busy)).as("marked once its writer is done").isNotNull();
            presence.close();
            assertThat(seenAt(db, idle)).as("a stopping node marks its visitors away").isNull();
        }
    }

    private static String conversation(Database db, String id) {
        Instant now = Instant.now();
        Contact contact = new Contact("ct_" + id, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Json.object(), Json.object(), Json.object(), now);
        Conversation conv = new Conversation(id, contact.id(), "w", "g", "web", ConversationStatus.INBOX,
                Optional.empty(), Optional.empty(), Optional.empty(), Json.array(), Optional.empty(), Json.object(),
                Optional.empty(), "normal", 0, now, now);
        db.useWrite(tx -> {
            new ContactStore().insert(tx, contact);
            new ConversationStore(new LiveHub()).insert(tx, conv);
        });
        return id;
    }

    private static Long seenAt(Database db, String conversationId) {
        return db.read(h -> h.createQuery("SELECT visitor_seen_at FROM conversations WHERE id = :id")
                .bind("id", conversationId).mapTo(Long.class).one());
    }
}
