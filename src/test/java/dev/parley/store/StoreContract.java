package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ConfigLoader;
import dev.parley.conversation.Author;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.Packet;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import dev.parley.routing.WorkspaceApplier;
import dev.parley.routing.WorkspaceStore;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.function.Function;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One storage suite, run against every database Parley supports, so no store drifts. */
abstract class StoreContract {
    @TempDir
    Path temp;

    TestDatabase testDb;
    Database db;
    final Ids ids = Ids.random();
    final LiveHub hub = new LiveHub();
    final TimelineStore timeline = new TimelineStore(Clock.systemUTC(), ids, hub);
    final ConversationStore conversations = new ConversationStore(hub);
    final ContactStore contacts = new ContactStore();

    abstract StoreKind kind();

    @BeforeEach
    void open() {
        testDb = kind().create(temp);
        db = Database.open(testDb.url());
    }

    @AfterEach
    void close() {
        db.close();
        testDb.close();
    }

    @Test
    void migrationsRunTwiceWithoutChange() {
        db.migrate();
        assertThat(db.isReachable()).isTrue();
        assertThat(db.dialect()).isEqualTo(kind() == StoreKind.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL);
    }

    @Test
    void concurrentAppendsGetGaplessIncreasingSeqs() throws Exception {
        String conv = newConversation();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<TimelineItem>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(pool.submit(() -> db.write(tx -> timeline.append(tx, conv, Author.system(),
                    ChatPacket.Message.text("m" + n), true, Optional.empty()))));
        }
        for (Future<TimelineItem> f : futures) {
            f.get();
        }
        pool.shutdown();
        List<TimelineItem> items = items(conv, true);
        assertThat(items).extracting(TimelineItem::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(lastSeq(conv)).isEqualTo(200);
    }

    @Test
    void aClientIdIsStoredOncePerConversation() {
        String conv = newConversation();
        Packet hello = ChatPacket.Message.text("hello");
        db.useWrite(tx -> timeline.append(tx, conv, Author.system(), hello, true, Optional.of("k")));
        assertThatThrownBy(() -> db.useWrite(tx -> timeline.append(tx, conv, Author.system(), hello, true,
                Optional.of("k")))).isInstanceOf(RuntimeException.class);
        // the lock a contact's write takes finds the item by its client id in the same statement
        assertThat(db.write(tx -> conversations.lockForClientWrite(tx, conv, Optional.of("k"))).orElseThrow()
                .earlierSeq()).contains(1L);
        assertThat(db.write(tx -> conversations.lockForClientWrite(tx, conv, Optional.of("other"))).orElseThrow()
                .earlierSeq()).isEmpty();
        assertThat(db.write(tx -> conversations.lockForClientWrite(tx, conv, Optional.empty())).orElseThrow()
                .earlierSeq()).isEmpty();
        assertThat(items(conv, false)).hasSize(1);
        assertThat(lastSeq(conv)).isEqualTo(1);
    }

    @Test
    void aConversationAndItsContactAreReadTogetherEachWithItsOwnColumns() {
        Instant contactCreated = Instant.parse("2026-01-02T03:04:05Z");
        Contact contact = new Contact(ids.next("ct"), Optional.of("Ada"), Optional.of("ada@example.com"),
                Optional.of("+4915112345678"), Optional.of("cust-1"), Optional.of("de"),
                Json.object().put("tier", "gold"), Json.object(), Json.object(), contactCreated);
        Conversation conv = new Conversation(ids.next("conv"), contact.id(), "w", "g", "web", ConversationStatus.INBOX,
                Optional.empty(), Optional.empty(), Optional.of("Billing"), Json.array(), Optional.of("fr"),
                Json.object().put("order", "42"), Optional.empty(), "normal", 0, Instant.parse("2026-03-04T05:06:07Z"),
                Instant.parse("2026-03-04T05:06:07Z"));
        db.useWrite(tx -> {
            contacts.insert(tx, contact);
            conversations.insert(tx, conv);
        });
        ConversationStore.WithContact read = db.read(h -> withContact(h, conv.id())).orElseThrow();
        assertThat(read.contact()).isEqualTo(db.read(h -> contacts.find(h, contact.id())).orElseThrow());
        assertThat(read.conversation()).isEqualTo(db.read(h -> conversations.find(h, conv.id())).orElseThrow());
        assertThat(read.contact().locale()).contains("de");
        assertThat(read.conversation().locale()).contains("fr");
        assertThat(read.contact().createdAt()).isEqualTo(contactCreated);
        Optional<ConversationStore.WithContact> missing = db.read(h -> withContact(h, "conv_x"));
        assertThat(missing).isEmpty();
    }

    @Test
    void aFailedTransactionLeavesNothingAndAnnouncesNothing() {
        String conv = newConversation();
        List<String> announced = new ArrayList<>();
        assertThatThrownBy(() -> db.useWrite(tx -> {
            timeline.append(tx, conv, Author.system(), ChatPacket.Message.text("hello"), true, Optional.empty());
            tx.afterCommit(() -> announced.add("x"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(announced).isEmpty();
        assertThat(items(conv, false)).isEmpty();
    }

    @Test
    void contactViewHidesInternalItems() {
        String conv = newConversation();
        db.useWrite(tx -> {
            timeline.append(tx, conv, Author.system(), new StatePacket.ConversationEnded("test"), false,
                    Optional.empty());
            timeline.append(tx, conv, Author.system(), ChatPacket.Message.text("hello"), true, Optional.empty());
        });
        assertThat(items(conv, true)).extracting(TimelineItem::seq)
                .containsExactly(2L);
        assertThat(items(conv, false)).hasSize(2);
    }

    @Test
    void rowsWrittenByEarlierVersionsReadAsTypedPacketsAndShowTheSameJson() {
        String conv = newConversation();
        String bubbles = "{\"body\":\"Pick\",\"options\":[{\"id\":\"a\",\"label\":\"A\"}],\"fallback\":\"Reply 1\"}";
        String future = "{\"z\":1,\"a\":[true]}";
        db.useWrite(tx -> {
            tx.handle().createUpdate("UPDATE conversations SET last_seq = 2 WHERE id = :c").bind("c", conv).execute();
            for (String[] row : List.of(new String[] {"1", "bubbles", bubbles}, new String[] {"2", "typing", future})) {
                tx.handle().createUpdate("""
                        INSERT INTO timeline (conversation_id, seq, id, at, author_type, author_id, author_name,
                          packet_name, payload, visible_to_contact, client_id)
                        VALUES (:c, :seq, :id, 0, 'bot', 'b1', 'Bot', :name, :payload, 1, NULL)""")
                        .bind("c", conv).bind("seq", Long.parseLong(row[0])).bind("id", "msg_old" + row[0])
                        .bind("name", row[1]).bind("payload", row[2]).execute();
            }
        });
        List<TimelineItem> items = items(conv, true);
        assertThat(items.get(0).packet()).isInstanceOf(ChoicePacket.Bubbles.class);
        assertThat(items.get(1).packet()).isEqualTo(new Packet.Raw("typing", Json.parseStoredObject(future)));
        assertThat(Json.write(items.get(0).toJson().get("packet")))
                .isEqualTo("{\"name\":\"bubbles\",\"payload\":" + bubbles + "}");
        assertThat(Json.write(items.get(1).toJson().get("packet")))
                .isEqualTo("{\"name\":\"typing\",\"payload\":" + future + "}");
    }

    @Test
    void workspaceIsAppliedIdempotently() {
        String yaml = """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, password_env: PW }
                bots:
                  - { id: b1, name: Bot, group: support, type: api, webhook_url: "http://127.0.0.1:9/x",
                      api_token_env: TOKEN, behavior: firewall }
                widgets: [{ id: web, name: Web, group: support }]
                """;
        var config = ConfigLoader.parse(yaml, "parley.yml", Map.of("PW", "secret-pw", "TOKEN", "tok"));
        WorkspaceApplier applier = new WorkspaceApplier(db);
        applier.apply(config);
        String hash = string("SELECT password_hash FROM operators");
        applier.apply(config);
        WorkspaceStore ws = new WorkspaceStore();
        assertThat(string("SELECT COUNT(*) FROM bots")).isEqualTo("1");
        assertThat(string("SELECT password_hash FROM operators"))
                .isEqualTo(hash).doesNotContain("secret-pw");
        assertThat(string("SELECT api_token_hash FROM bots WHERE id = 'b1'")).doesNotContain("tok")
                .hasSize(64);
        Optional<dev.parley.routing.Widget> widget = db.read(h -> ws.widget(h, "web"));
        assertThat(widget).isPresent();
    }

    @Test
    void tokensOfWebContactsOutliveTheMoveToTheirOwnTable() throws Exception {
        try (TestDatabase older = kind().createEmpty(temp)) {
            DatabaseUrl url = older.url();
            Files.createDirectories(older.dataDir());
            Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
                    .locations(url.dialect().migrationLocations()).target("9").load().migrate();
            try (Database v9 = Database.connect(url)) {
                v9.useWrite(tx -> {
                    for (String id : List.of("ct-web", "ct-braze")) {
                        tx.handle().execute("""
                                INSERT INTO contacts (id, token_hash, custom_fields, campaigns, page_tags, created_at)
                                VALUES (?, ?, '{}', '{}', '{}', 1)""", id, "hash-" + id);
                    }
                    conversations.insert(tx, conversation("conv-web", "ct-web", "w1"));
                    conversations.insert(tx, conversation("conv-braze", "ct-braze", "w1"));
                    tx.handle().execute("""
                            INSERT INTO outreaches (outreach_id, conversation_id, contact_id, bot_id, widget_id,
                              created_at) VALUES ('o1', 'conv-braze', 'ct-braze', 'b', 'w1', 1)""");
                });
            }
            try (Database migrated = Database.open(url)) {
                Function<String, Optional<Contact>> byToken = hash -> migrated.read(
                        h -> contacts.findByTokenHash(h, hash));
                BiPredicate<String, String> tokenFrom = (contact, widget) -> migrated.read(
                        h -> contacts.hasTokenFrom(h, contact, widget));
                assertThat(byToken.apply("hash-ct-web")).map(Contact::id).contains("ct-web");
                assertThat(tokenFrom.test("ct-web", "w1")).isTrue();
                assertThat(tokenFrom.test("ct-web", "w2")).isFalse();
                assertThat(byToken.apply("hash-ct-braze")).as("an outreach's contact holds no token").isEmpty();
                assertThat(tokenFrom.test("ct-braze", "w1")).isFalse();
                Optional<Contact> braze = migrated.read(h -> contacts.find(h, "ct-braze"));
                assertThat(braze).isPresent();
                assertThatThrownBy(() -> migrated.useWrite(tx -> conversations.insert(tx,
                        conversation("conv-nobody", "ct-missing", "w1"))))
                        .as("conversations still refer to contacts").isInstanceOf(RuntimeException.class);
                migrated.useWrite(tx -> contacts.addToken(tx, "hash-second", "ct-web", "w2", Instant.now()));
                assertThat(byToken.apply("hash-ct-web")).isPresent();
                assertThat(byToken.apply("hash-second")).map(Contact::id).contains("ct-web");
            }
        }
    }

    private static Conversation conversation(String id, String contactId, String widgetId) {
        Instant now = Instant.now();
        return new Conversation(id, contactId, widgetId, "g", "web", ConversationStatus.INBOX, Optional.empty(),
                Optional.empty(), Optional.empty(), Json.array(), Optional.empty(), Json.object(), Optional.empty(),
                "normal", 0, now, now);
    }

    @Test
    void aDeferredWriteIsSeenByTheRestOfItsTransactionAndGoesWithTheCommit() {
        db.useWrite(tx -> tx.handle().execute("CREATE TABLE held (id INTEGER PRIMARY KEY, v TEXT, n INTEGER)"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            double before = statements(registry);
            String seen = db.write(tx -> {
                tx.handle().execute("INSERT INTO held (id, v) VALUES (1, 'plain')");
                tx.writeDeferred("INSERT INTO held (id, v, n) VALUES (:id, :v, :n)", row(2, "two", null));
                String two = tx.handle().createQuery("SELECT v || ':' || CAST(id AS TEXT) FROM held WHERE id = 2")
                        .mapTo(String.class).one();
                tx.writeDeferred("INSERT INTO held (id, v, n) VALUES (:id, :v, :n)", row(3, "three", 3));
                tx.writeDeferred("UPDATE held SET n = :n WHERE id = :id", row(1, null, 1));
                return two;
            });
            assertThat(seen).as("a later statement of the transaction sees the deferred write").isEqualTo("two:2");
            // PostgreSQL: the plain insert, the held write sent before the read, the read, and the last two writes
            // in one message with the COMMIT; SQLite runs each write at once
            assertThat(Math.round(statements(registry) - before)).isEqualTo(kind() == StoreKind.SQLITE ? 5 : 4);
        } finally {
            Metrics.removeRegistry(registry);
        }
        List<String> rows = db.read(h -> h.createQuery(
                "SELECT id || '=' || v || '/' || COALESCE(CAST(n AS TEXT), '-') FROM held ORDER BY id")
                .mapTo(String.class).list());
        assertThat(rows).containsExactly("1=plain/1", "2=two/-", "3=three/3");
    }

    @Test
    void aFailingDeferredWriteRollsItsWholeTransactionBackAndLeavesTheConnectionsSound() {
        db.useWrite(tx -> tx.handle().execute("CREATE TABLE held (id INTEGER PRIMARY KEY, v TEXT, n INTEGER)"));
        db.useWrite(tx -> tx.writeDeferred("INSERT INTO held (id, v) VALUES (:id, :v)", row(1, "first", null)));
        assertThatThrownBy(() -> db.useWrite(tx -> {
            tx.handle().execute("INSERT INTO held (id, v) VALUES (10, 'rolled back')");
            tx.writeDeferred("INSERT INTO held (id, v) VALUES (:id, :v)", row(1, "duplicate", null));
        })).hasMessageContaining("held");
        // transactions ended by a COMMIT sent with held writes, on pooled connections used again afterwards: each later
        // transaction is still one (what it wrote before failing is rolled back), none is left open
        for (int i = 0; i < 40; i++) {
            int id = 100 + i;
            db.useWrite(tx -> tx.writeDeferred("INSERT INTO held (id, v) VALUES (:id, :v)", row(id, "kept", null)));
            assertThatThrownBy(() -> db.useWrite(tx -> {
                tx.handle().execute("INSERT INTO held (id, v) VALUES (" + (id + 1000) + ", 'rolled back')");
                throw new IllegalStateException("work failed");
            })).hasMessage("work failed");
        }
        int kept = db.read(h -> h.createQuery("SELECT COUNT(*) FROM held WHERE v = 'kept'").mapTo(Integer.class).one());
        assertThat(kept).isEqualTo(40);
        List<String> others = db.read(h -> h.createQuery("SELECT id || '=' || v FROM held WHERE id < 100 OR id >= 1000")
                .mapTo(String.class).list());
        assertThat(others).containsExactly("1=first");
    }

    /** A conversation and its contact read as a query of another table reads them, beside its own columns. */
    private static Optional<ConversationStore.WithContact> withContact(org.jdbi.v3.core.Handle h, String id) {
        return h.createQuery("SELECT 'other' AS other__status, " + ConversationStore.WITH_CONTACT_COLUMNS
                        + " FROM (SELECT CAST(:id AS TEXT) AS conversation_id) o "
                        + ConversationStore.joinWithContact("o.conversation_id"))
                .bind("id", id).map((rs, ctx) -> ConversationStore.withContact(rs)).findOne();
    }

    private static Map<String, Object> row(int id, String v, Integer n) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", id);
        row.put("v", v);
        row.put("n", n);
        return row;
    }

    private static double statements(SimpleMeterRegistry registry) {
        return registry.find(StoreCounters.STATEMENTS).counter().count();
    }

    List<TimelineItem> items(String conv, boolean contactView) {
        return db.read(h -> timeline.after(h, conv, 0, 1000, contactView));
    }

    long lastSeq(String conv) {
        Conversation c = db.read(h -> conversations.find(h, conv)).orElseThrow();
        return c.lastSeq();
    }

    String string(String sql) {
        return db.read(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    String newConversation() {
        Instant now = Instant.now();
        Contact contact = new Contact(ids.next("ct"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Json.object(), Json.object(), Json.object(), now);
        Conversation conv = conversation(ids.next("conv"), contact.id(), "w");
        db.useWrite(tx -> {
            contacts.insert(tx, contact);
            conversations.insert(tx, conv);
        });
        return conv.id();
    }
}
