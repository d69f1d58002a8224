package dev.parley.config;

import dev.parley.channel.ChannelType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code channels:} per channels.md §0: settings, credentials from the environment only, precise errors. */
class ChannelConfigTest {
    /** Lines 1-3. */
    private static final String BASE = """
            groups: [{ id: support, name: Support }]
            widgets: [{ id: website, name: Website, group: support }]
            channels:
            """;
    private static final String WHATSAPP = """
              - id: wa-main
                type: whatsapp
                widget: website
                api_base_url: http://127.0.0.1:9999/v21.0/
                phone_number_id: "106540352242922"
                access_token_env: WA_TOKEN
                app_secret_env: WA_APP_SECRET
                verify_token_env: WA_VERIFY_TOKEN
                default_region: de
            """;
    private static final Map<String, String> ENV = Map.of("WA_TOKEN", "token-1", "WA_APP_SECRET", "secret-1",
            "WA_VERIFY_TOKEN", "verify-1");

    @Test
    void aWhatsAppChannelIsReadWithItsSecretsFromTheEnvironment() {
        ChannelConfig channel = ConfigLoader.parse(BASE + WHATSAPP, "parley.yml", ENV).channels().get(0);
        assertThat(channel.id()).isEqualTo("wa-main");
        assertThat(channel.type()).isEqualTo(ChannelType.WHATSAPP);
        assertThat(channel.widget()).isEqualTo("website");
        assertThat(channel.apiBaseUrl()).isEqualTo("http://127.0.0.1:9999/v21.0");
        assertThat(channel.setting("phone_number_id")).isEqualTo("106540352242922");
        assertThat(channel.secret("app_secret")).isEqualTo("secret-1");
        assertThat(channel.defaultRegion()).isEqualTo(Optional.of("DE"));
        assertThat(channel.unsubscribeKeyword()).isEqualTo("STOP");
        assertThat(channel.toString()).doesNotContain("token-1", "secret-1", "verify-1");
    }

    @Test
    void messengerDefaultsToTheGraphApi() {
        String yaml = BASE + """
                  - { id: fb, type: messenger, widget: website, access_token_env: WA_TOKEN, app_secret_env: WA_APP_SECRET,
                      verify_token_env: WA_VERIFY_TOKEN, unsubscribe_keyword: STOPP }
                """;
        ChannelConfig channel = ConfigLoader.parse(yaml, "parley.yml", ENV).channels().get(0);
        assertThat(channel.apiBaseUrl()).isEqualTo("https://graph.facebook.com/v21.0");
        assertThat(channel.unsubscribeKeyword()).isEqualTo("STOPP");
    }

    private static String error(String yaml) {
        return assertThatThrownBy(() -> ConfigLoader.parse(yaml, "parley.yml", ENV)).isInstanceOf(ConfigException.class)
                .actual().getMessage();
    }

    @Test
    void badChannelsAreNamedPrecisely() {
        assertThat(error(BASE + WHATSAPP.replace("type: whatsapp", "type: whatsup")))
                .isEqualTo("parley.yml:5: channels[0].type: 'whatsup' is not one of whatsapp, messenger, telegram, sms,"
                        + " threema, custom");
        assertThat(error(BASE + WHATSAPP + WHATSAPP))
                .isEqualTo("parley.yml:13: channels[1].id: duplicate channel id 'wa-main' (first on line 4)");
        assertThat(error(BASE + WHATSAPP.replace("widget: website", "widget: websit")))
                .isEqualTo("parley.yml:6: channels[0].widget: widget 'websit' is not defined; did you mean 'website'?");
        assertThat(error(BASE + WHATSAPP.replace("access_token_env: WA_TOKEN", "access_token: EAAG123")))
                .isEqualTo("parley.yml:9: channels[0].access_token: secrets may not be written in the file; use"
                        + " access_token_env (an environment variable) or access_token_file (a file) instead");
        assertThat(error(BASE + WHATSAPP.replace("    phone_number_id: \"106540352242922\"\n", "")))
                .isEqualTo("parley.yml:4: channels[0].phone_number_id: a whatsapp channel needs phone_number_id");
        assertThat(error(BASE + WHATSAPP.replace("verify_token_env", "bot_token_env")))
                .startsWith("parley.yml:11: channels[0].bot_token_env: unknown key 'bot_token_env'");
    }
}
