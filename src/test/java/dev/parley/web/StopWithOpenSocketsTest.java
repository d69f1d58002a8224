package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.store.Database;
import dev.parley.store.DatabaseUrl;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * A node that stops while widget streams and consoles are open closes them quietly: their close handlers run after
 * the database is closed, so the node has marked the visitors away and the operators seen before, and nothing is
 * logged as an error. A stream its contact closes just as the node stops ends its write before the database closes.
 */
class StopWithOpenSocketsTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            operators:
              - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: PW }
            widgets: [{ id: web, name: Web, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void openSocketsCloseWithoutErrorsAndPresenceIsLeftRight(StoreKind kind) {
        TestParley parley = TestParley.start(kind, temp, WORKSPACE, Map.of("PW", "password"));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        boolean stopped = false;
        try {
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "password");
            StreamTest.Collector console = new StreamTest.Collector();
            http.client().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + parley.port()
                    + "/api/v1/stream?token=" + ada.get("Authorization").substring(7)), console).join();
            ConsoleStreamTest.awaitFrame(console, f -> f.path("type").asText().equals("ready"));
            List<WebContact> contacts = new ArrayList<>();
            List<StreamTest.Collector> widgets = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
                StreamTest.Collector widget = new StreamTest.Collector();
                openWidget(parley, contact, widget);
                contacts.add(contact);
                widgets.add(widget);
            }
            await("the visitors are seen").atMost(Duration.ofSeconds(10)).until(() -> contacts.stream()
                    .allMatch(c -> visitorSeenAt(parley.parley().database(), c.conversationId()) != null));

            logged.start();
            root.addAppender(logged);
            parley.parley().close();
            stopped = true;
            await("every socket closed by the node").atMost(Duration.ofSeconds(10))
                    .until(() -> console.closed.isDone() && widgets.stream().allMatch(w -> w.closed.isDone()));
            await("nothing logged as a warning or error while the sockets closed").during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3)).until(() -> problems(logged).isEmpty());

            try (Database db = Database.connect(parley.database().url())) {
                for (WebContact contact : contacts) {
                    assertThat(visitorSeenAt(db, contact.conversationId())).as("the visitor is away").isNull();
                }
                Long adaSeenAt = db.read(h -> h.createQuery("SELECT console_seen_at FROM operators WHERE id = 'ada'")
                        .mapTo(Long.class).one());
                assertThat(adaSeenAt).as("Ada was seen until the node stopped").isNotNull();
            }
        } finally {
            root.detachAppender(logged);
            if (!stopped) {
                parley.parley().close();
            }
            parley.database().close();
        }
    }

    @Test
    void aSocketItsContactClosesWhileTheNodeStopsEndsItsWriteBeforeTheDatabaseCloses() throws Exception {
        TestParley parley = TestParley.start(StoreKind.POSTGRESQL, temp, WORKSPACE, Map.of("PW", "password"));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        CompletableFuture<Void> stopping = null;
        DatabaseUrl url = parley.database().url();
        try (Connection holder = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            StreamTest.Collector widget = new StreamTest.Collector();
            WebSocket socket = openWidget(parley, contact, widget);
            await("the visitor is seen").atMost(Duration.ofSeconds(10))
                    .until(() -> visitorSeenAt(parley.parley().database(), contact.conversationId()) != null);
            // a writer holds the conversation's row, so the close handler's write is under way when the node stops
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT id FROM conversations WHERE id = ? FOR UPDATE")) {
                lock.setString(1, contact.conversationId());
                lock.executeQuery().close();
            }
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            await("the close handler waits for the row").atMost(Duration.ofSeconds(10))
                    .until(() -> waitingToMarkAway(parley.parley().database()) == 1);

            logged.start();
            root.addAppender(logged);
            stopping = CompletableFuture.runAsync(() -> parley.parley().close());
            CompletableFuture<Void> stop = stopping;
            await("the stop waits for the write under way").during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2)).until(() -> !stop.isDone());
            holder.rollback();
            stopping.get(10, TimeUnit.SECONDS);
            await("nothing logged as a warning or error").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> problems(logged).isEmpty());
            try (Database db = Database.connect(url)) {
                assertThat(visitorSeenAt(db, contact.conversationId())).as("the visitor is away").isNull();
            }
        } finally {
            root.detachAppender(logged);
            if (stopping == null) {
                parley.parley().close();
            }
            parley.database().close();
        }
    }

    /** The contact's widget stream of its conversation, from the start. */
    private WebSocket openWidget(TestParley parley, WebContact contact, StreamTest.Collector widget) {
        return http.client().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + parley.port()
                + "/api/web/v1/conversations/" + contact.conversationId() + "/stream?token=" + contact.token()
                + "&after=0"), widget).join();
    }

    private static int waitingToMarkAway(Database db) {
        return db.read(h -> h.createQuery("""
                SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                  AND query LIKE 'UPDATE conversations SET visitor_seen_at = NULL%'""").mapTo(Integer.class).one());
    }

    private static Long visitorSeenAt(Database db, String conversationId) {
        return db.read(h -> h.createQuery("SELECT visitor_seen_at FROM conversations WHERE id = :id")
                .bind("id", conversationId).mapTo(Long.class).one());
    }

    private static List<String> problems(ListAppender<ILoggingEvent> logged) {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }
}
