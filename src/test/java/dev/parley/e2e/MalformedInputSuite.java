package dev.parley.e2e;

import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the malformed-input suites share: one server per database kind for all cases of a class
 * (each case works in conversations of its own), answering with {@link MalformedAnswers}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MalformedInputSuite {
    static final String WEB = "/api/web/v1";
    static final String NUL = MalformedAnswers.NUL;

    @TempDir
    Path dir;
    private final Map<StoreKind, TwoBotServer> servers = new EnumMap<>(StoreKind.class);

    @AfterAll
    void stopServers() {
        servers.values().forEach(TwoBotServer::close);
    }

    TwoBotServer server(StoreKind kind) {
        return servers.computeIfAbsent(kind, k -> TwoBotServer.start(k, dir, MalformedAnswers::answer));
    }

    static HttpAnswer post(TwoBotServer s, String url, String body) {
        return s.http().post(url, Map.of(), body);
    }
}
