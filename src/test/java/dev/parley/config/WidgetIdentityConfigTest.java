package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A widget's {@code identity}: the key of signed visitor identity, from the environment or a file only. */
class WidgetIdentityConfigTest {
    private static final String SECRET = "9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a";
    /** Lines 1-6; a case adds the identity's keys on line 7. */
    private static final String WIDGET = """
            groups:
              - { id: support, name: Support }
            widgets:
              - id: web
                name: Web
                group: support
            """;

    @TempDir
    Path dir;

    private static WidgetConfig parse(String yaml, Map<String, String> env) {
        return ConfigLoader.parse(yaml, "parley.yml", env).widgets().getFirst();
    }

    @Test
    void theSecretComesFromTheEnvironmentOrAFileAndIsNeverShown() throws Exception {
        WidgetConfig fromEnv = parse(WIDGET + "    identity: { secret_env: WEB_IDENTITY }\n",
                Map.of("WEB_IDENTITY", SECRET));
        assertThat(fromEnv.identity()).map(WidgetIdentity::secret).contains(SECRET);
        assertThat(fromEnv.toString()).contains("WidgetIdentity[secret=****]").doesNotContain(SECRET);

        Files.writeString(dir.resolve("identity.key"), SECRET + "\n");
        Path file = dir.resolve("parley.yml");
        Files.writeString(file, WIDGET + "    identity: { secret_file: identity.key }\n");
        assertThat(ConfigLoader.load(file, Map.of()).widgets().getFirst().identity()).map(WidgetIdentity::secret)
                .contains(SECRET);

        assertThat(parse(WIDGET, Map.of()).identity()).isEmpty();
    }

    @Test
    void mistakesAreNamedWithKeyAndLineWithoutTheSecret() throws Exception {
        Map<String, String> env = Map.of("WEB_IDENTITY", SECRET, "SHORT", "too-short");
        expect(WIDGET + "    identity: { secret: " + SECRET + " }\n", env, "parley.yml:7: widgets[0].identity.secret:"
                + " secrets may not be written in the file; use secret_env (an environment variable) or"
                + " secret_file (a file) instead");
        expect(WIDGET + "    identity: { secret_env: WEB_IDENTITY, secret_file: identity.key }\n", env,
                "parley.yml:7: widgets[0].identity.secret_file: set either secret_env or secret_file, not both");
        expect(WIDGET + "    identity: {}\n", env, "parley.yml:7: widgets[0].identity: set secret_env (an environment"
                + " variable) or secret_file (a file) holding the key that signs visitors' external ids");
        expect(WIDGET + "    identity:\n", env, "parley.yml:7: widgets[0].identity: expected a mapping with secret_env"
                + " or secret_file, got nothing");
        expect(WIDGET + "    identity: WEB_IDENTITY\n", env, "parley.yml:7: widgets[0].identity: expected a mapping"
                + " with secret_env or secret_file, got 'WEB_IDENTITY'");
        expect(WIDGET + "    identity: { secret_env: WEB_IDENTITY, algorithm: sha1 }\n", env,
                "parley.yml:7: widgets[0].identity.algorithm: unknown key 'algorithm'");
        expect(WIDGET + "    identity: { secret_env: MISSING }\n", env,
                "parley.yml:7: widgets[0].identity.secret_env: environment variable MISSING is not set");
        expect(WIDGET + "    identity: { secret_env: SHORT }\n", env, "parley.yml:7: widgets[0].identity.secret_env:"
                + " the secret has 9 characters; use at least 32 random ones (such as the output of openssl rand"
                + " -hex 32)");

        Files.writeString(dir.resolve("empty.key"), "\n");
        Path file = dir.resolve("parley.yml");
        Files.writeString(file, WIDGET + "    identity: { secret_file: empty.key }\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":7: widgets[0].identity.secret_file: secret file " + dir.resolve("empty.key")
                        + " is empty");
    }

    private static void expect(String yaml, Map<String, String> env, String message) {
        assertThatThrownBy(() -> parse(yaml, env)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("too-short"));
    }
}
