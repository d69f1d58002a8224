package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.store.Database;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * A node that stops while widget streams and consoles are open closes them quietly: their close handlers run after
 * the database is closed, so the node has marked the visitors away and the operators seen before, and nothing is
 * logged as an error.
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
                http.client().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + parley.port()
                        + "/api/web/v1/conversations/" + contact.conversationId() + "/stream?token="
                        + contact.token() + "&after=0"), widget).join();
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

    private static Long visitorSeenAt(Database db, String conversationId) {
        return db.read(h -> h.createQuery("SELECT visitor_seen_at FROM conversations WHERE id = :id")
                .bind("id", conversationId).mapTo(Long.class).one());
    }

    private static List<String> problems(ListAppender<ILoggingEvent> logged) {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }
}
