package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Threema channel in {@code parley.yml}: gateway ID and key checked on reading; basic mode needs no key. */
class ThreemaChannelConfigTest {
    private static final String BASE = """
            groups: [{ id: support, name: Support }]
            widgets: [{ id: website, name: Website, group: support }]
            channels:
            """;
    private static final String KEY = "private:94af3260fa2a19adc8e82e82be598be15bc6ad6f47c8ee303cb185ef860e16d2";

    @Test
    void anEndToEndChannelNeedsItsKeyAndABasicOneDoesNot() {
        String e2e = BASE + "  - { id: th, type: threema, widget: website, gateway_id: \"*PARLEY1\", mode: e2e,"
                + " api_secret_env: S, private_key_env: K }\n";
        ChannelConfig channel = ConfigLoader.parse(e2e, "parley.yml", Map.of("S", "secret", "K", KEY)).channels()
                .getFirst();
        assertThat(channel.setting("gateway_id")).isEqualTo("*PARLEY1");
        assertThat(channel.secret("private_key")).isEqualTo(KEY);
        assertThat(channel.apiBaseUrl()).isEqualTo("https://msgapi.threema.ch");
        assertThat(error(e2e, Map.of("S", "secret"))).contains("private_key_env");

        String basic = BASE + "  - { id: tb, type: threema, widget: website, gateway_id: \"*PARLEY2\", mode: basic,"
                + " api_secret_env: S }\n";
        assertThat(ConfigLoader.parse(basic, "parley.yml", Map.of("S", "secret")).channels().getFirst()
                .setting("mode")).isEqualTo("basic");
    }

    @Test
    void aBadGatewayIdOrKeyIsNamed() {
        String yaml = BASE + "  - { id: th, type: threema, widget: website, gateway_id: \"PARLEY1\", mode: e2e,"
                + " api_secret_env: S, private_key_env: K }\n";
        assertThat(error(yaml, Map.of("S", "secret", "K", KEY))).contains("gateway_id")
                .contains("is not a Threema Gateway ID");
        assertThat(error(yaml.replace("\"PARLEY1\"", "\"*PARLEY1\""), Map.of("S", "secret", "K", "private:abc")))
                .contains("private_key_env").contains("64 hex digits").doesNotContain("abc");
    }

    private static String error(String yaml, Map<String, String> env) {
        return assertThatThrownBy(() -> ConfigLoader.parse(yaml, "parley.yml", env))
                .isInstanceOf(ConfigException.class).actual().getMessage();
    }
}
