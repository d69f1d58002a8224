package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.app.Parley;
import dev.parley.app.ServerSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where the server listens: {@code --bind}, else {@code PARLEY_BIND}, else {@code server.bind}, else everywhere. */
class BindTest {
    @TempDir
    Path temp;

    static final ParleyConfig WITH_BIND = ConfigLoader.parse("server: { bind: 127.0.0.4 }\n", "parley.yml", Map.of());
    static final ParleyConfig WITHOUT = ConfigLoader.parse("", "parley.yml", Map.of());

    static String host(String[] args, Map<String, String> env, ParleyConfig config) {
        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs(args);
        return options.bound(options.settings(env), env, config).host();
    }

    @Test
    void theFlagWinsOverTheVariableWhichWinsOverTheFile() {
        assertThat(host(new String[] {"--bind", "127.0.0.2"}, Map.of("PARLEY_BIND", "127.0.0.3"), WITH_BIND))
                .isEqualTo("127.0.0.2");
        assertThat(host(new String[0], Map.of("PARLEY_BIND", "127.0.0.3"), WITH_BIND)).isEqualTo("127.0.0.3");
        assertThat(host(new String[0], Map.of(), WITH_BIND)).isEqualTo("127.0.0.4");
        assertThat(host(new String[0], Map.of(), WITHOUT)).as("all interfaces, as before").isEqualTo("0.0.0.0");
    }

    @Test
    void aServerBoundToOneAddressDoesNotAnswerOnAnother() throws IOException {
        ServerSettings settings = ServerSettings.of(0, temp.resolve("data"), Optional.empty()).withHost("127.0.0.2");
        try (Parley parley = Parley.start(settings, WITHOUT)) {
            try (Socket bound = new Socket()) {
                bound.connect(new InetSocketAddress("127.0.0.2", parley.port()), 5000);
                assertThat(bound.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> {
                try (Socket other = new Socket()) {
                    other.connect(new InetSocketAddress("127.0.0.1", parley.port()), 5000);
                }
            }).isInstanceOf(ConnectException.class);
        }
    }
}
