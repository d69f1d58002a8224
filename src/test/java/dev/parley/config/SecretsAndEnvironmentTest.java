package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsAndEnvironmentTest {

    private static final String GROUP = "groups:\n  - { id: support, name: Support }\n";

    @Test
    void variablesAreSubstitutedInEveryScalar() {
        String yaml = """
                groups:
                  - { id: "${GROUP_ID}", name: "Team ${TEAM:-Blue}" }
                widgets:
                  - { id: web, name: "${WIDGET_NAME:-Web}", group: support, live_timeout: "${LIVE_TIMEOUT}" }
                """;

        ParleyConfig config = ConfigLoader.parse(yaml, "parley.yml",
                Map.of("GROUP_ID", "support", "LIVE_TIMEOUT", "45m", "WIDGET_NAME", ""));

        assertThat(config.groups().get(0)).isEqualTo(new GroupConfig("support", "Team Blue"));
        assertThat(config.widgets().get(0).name()).isEqualTo("Web");
        assertThat(config.widgets().get(0).liveTimeout()).hasValueSatisfying(t -> assertThat(t).hasMinutes(45));
    }

    @Test
    void doubledDollarKeepsALiteralReference() {
        ParleyConfig config = ConfigLoader.parse("groups:\n  - { id: support, name: 'costs $${PRICE}' }\n",
                "parley.yml", Map.of());

        assertThat(config.groups().get(0).name()).isEqualTo("costs ${PRICE}");
    }

    @Test
    void unsetVariableWithoutDefaultIsAnErrorNamingItAndTheLine() {
        assertThatThrownBy(() -> ConfigLoader.parse(GROUP + "public_base_url: ${BASE_URL}\n", "parley.yml", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("parley.yml:3: public_base_url: environment variable BASE_URL is not set"
                        + " (write ${BASE_URL:-default} to give a default)");
    }

    @Test
    void malformedReferencesAreErrors() {
        assertThatThrownBy(() -> ConfigLoader.parse("groups:\n  - { id: a, name: '${OOPS' }\n", "parley.yml", Map.of()))
                .hasMessage("parley.yml:2: groups[0].name: unterminated variable reference (missing '}')");
        assertThatThrownBy(() -> ConfigLoader.parse("groups:\n  - { id: a, name: '${1X}' }\n", "parley.yml", Map.of()))
                .hasMessage("parley.yml:2: groups[0].name: '${1X}' is not a valid variable reference"
                        + " (write ${NAME} or ${NAME:-default})");
    }

    @Test
    void missingSecretVariableIsNamedWithoutAnyValue() {
        String yaml = GROUP + "operators:\n  - { id: ada, name: Ada, email: ada@example.com, group: support,"
                + " password_env: PARLEY_ADA_PASSWORD }\n";

        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "parley.yml", Map.of("OTHER", "x")))
                .hasMessage("parley.yml:4: operators[0].password_env: environment variable PARLEY_ADA_PASSWORD is not set");
    }

    @Test
    void secretMayComeFromAFileButNotFromBothSources(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("token"), "file-token\r\n");
        String bot = GROUP + "bots:\n  - { id: b, name: B, group: support, type: api, webhook_url: 'http://localhost/h',";
        Path file = dir.resolve("parley.yml");

        Files.writeString(file, bot + " api_token_file: token }\n");
        assertThat(ConfigLoader.load(file, Map.of()).bots().get(0).apiToken()).contains("file-token");

        Files.writeString(file, bot + " api_token_file: token, api_token_env: TOKEN }\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("TOKEN", "env-token")))
                .hasMessage(file + ":4: bots[0].api_token_file: set either api_token_env or api_token_file, not both");

        Files.writeString(file, bot + " signing_secret_file: absent }\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessage(file + ":4: bots[0].signing_secret_file: cannot read secret file " + dir.resolve("absent")
                        + " (NoSuchFileException)");
    }

    @Test
    void plainTextSecretIsRejectedWithoutEchoingIt() {
        String yaml = GROUP + "operators:\n  - { id: ada, name: Ada, email: ada@example.com, group: support,"
                + " password: hunter2-plain }\n";

        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "parley.yml", Map.of()))
                .hasMessage("parley.yml:4: operators[0].password: secrets may not be written in the file;"
                        + " use password_env (an environment variable) or password_file (a file) instead")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void substitutedValuesAreNotQuotedInErrors() {
        String yaml = GROUP + "bots:\n  - { id: b, name: B, group: support, type: api, webhook_url: '${HOOK}' }\n";

        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "parley.yml", Map.of("HOOK", "not-a-url-s3cret")))
                .hasMessage("parley.yml:4: bots[0].webhook_url: '${HOOK}' (after substitution) is not an absolute http(s) URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void toStringNeverShowsSecrets() {
        ParleyConfig config = ConfigLoader.parse(ConfigLoaderTest.FULL, "parley.yml", ConfigLoaderTest.ENV);

        String text = config.toString() + config.operators() + config.bots();

        assertThat(ConfigLoaderTest.ENV.values()).allSatisfy(secret -> assertThat(text).doesNotContain(secret));
        assertThat(config.bots().get(0).toString())
                .contains("webhookHeaders={API-SECURITY-TOKEN=****}", "apiToken=Optional[****]",
                        "signingSecret=Optional[****]", "id=shopbot", "webhookUrl=Optional[http://localhost:8000/webhook]");
        assertThat(config.operators().get(0).toString()).contains("password=Optional[****]", "email=ada@example.com");
        assertThat(config.operators().get(1).toString()).contains("password=Optional.empty");
        assertThat(DemoWorkspace.config().toString()).doesNotContain(DemoWorkspace.DEMO_PASSWORD);
    }
}
