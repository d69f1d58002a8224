package dev.parley.browser;

import dev.parley.app.Parley;
import dev.parley.app.ServerSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.media.MediaSettings;
import dev.parley.store.Ids;
import dev.parley.testing.FreePort;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A real Parley for widget tests: its public base URL is its own loopback address (so media URLs
 * in transcripts load in the browser), and bots may send files from loopback servers.
 */
final class WidgetParley implements AutoCloseable {
    static final String ADMIN_EMAIL = "ada@example.com";
    static final String ADMIN_PASSWORD = "ada-password";

    private final TestDatabase database;
    private final Parley parley;
    private final String baseUrl;
    private final JsonHttp http = new JsonHttp();

    private WidgetParley(TestDatabase database, Parley parley, String baseUrl) {
        this.database = database;
        this.parley = parley;
        this.baseUrl = baseUrl;
    }

    static WidgetParley start(StoreKind kind, Path temp, String yaml, Map<String, String> env) {
        int port = FreePort.next();
        String baseUrl = "http://127.0.0.1:" + port;
        Map<String, String> all = new HashMap<>(env);
        all.put("PARLEY_PUBLIC_BASE_URL", baseUrl);
        all.put("ADMIN_PW", ADMIN_PASSWORD);
        TestDatabase db = kind.create(temp);
        try {
            ServerSettings s = db.settings();
            ServerSettings settings = new ServerSettings(s.host(), port, s.dataDir(), s.databaseUrl(),
                    s.outboxPollInterval(), new MediaSettings(MediaSettings.DEFAULT_MAX_BYTES, true, Set.of()),
                    s.pluginsDir());
            return new WidgetParley(db, Parley.start(settings, ConfigLoader.parse(yaml, "parley.yml", all),
                    Clock.systemUTC(), Ids.random()), baseUrl);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Group {@code support} with admin Ada (offline until she says otherwise), the api bot {@code b}
     * (token {@code bee-token}) in firewall mode at {@code webhookUrl}, and widget {@code web}.
     */
    static String workspace(String webhookUrl, boolean registration) {
        return """
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada Lovelace, email: %s, group: support, role: admin,
                              password_env: ADMIN_PW }]
                bots:
                  - { id: b, name: Bo, group: support, type: api, behavior: firewall, slots: 50,
                      webhook_url: "%s", api_token_env: BOT_TOKEN, registration: %s }
                widgets: [{ id: web, name: Northwind, group: support, registration: %s }]
                """.formatted(ADMIN_EMAIL, webhookUrl, registration, registration);
    }

    String baseUrl() {
        return baseUrl;
    }

    JsonHttp http() {
        return http;
    }

    /** An operator token of admin Ada. */
    String adminToken() {
        return http.post(baseUrl + "/api/v1/auth/login", Map.of(),
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}").json()
                .path("token").asText();
    }

    /** Whether no widget has the conversation open any more (the visitor left). */
    boolean visitorGone(String conversationId) {
        return parley.database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM conversations WHERE id = :id AND visitor_seen_at IS NULL")
                .bind("id", conversationId).mapTo(Integer.class).one()) == 1;
    }

    @Override
    public void close() {
        parley.close();
        database.close();
    }
}
