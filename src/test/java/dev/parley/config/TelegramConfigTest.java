package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.channel.ChannelType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code telegram} channel: its two secrets, the Bot API by default, and the optional {@code register_webhook}. */
class TelegramConfigTest {
    private static final String BASE = """
            groups: [{ id: support, name: Support }]
            widgets: [{ id: website, name: Website, group: support }]
            channels:
            """;
    private static final Map<String, String> ENV = Map.of("TG_TOKEN", "123:abc", "TG_SECRET", "s3cret");

    @Test
    void aTelegramChannelReadsItsSecretsAndMayAskForItsWebhookToBeRegistered() {
        ChannelConfig channel = ConfigLoader.parse(BASE + """
                  - { id: tg, type: telegram, widget: website, bot_token_env: TG_TOKEN, secret_token_env: TG_SECRET,
                      register_webhook: true }
                """, "parley.yml", ENV).channels().get(0);
        assertThat(channel.type()).isEqualTo(ChannelType.TELEGRAM);
        assertThat(channel.apiBaseUrl()).isEqualTo("https://api.telegram.org");
        assertThat(channel.secret("bot_token")).isEqualTo("123:abc");
        assertThat(channel.settings()).containsEntry("register_webhook", "true");
        assertThat(channel.toString()).doesNotContain("123:abc", "s3cret");

        ChannelConfig plain = ConfigLoader.parse(BASE + """
                  - { id: tg, type: telegram, widget: website, bot_token_env: TG_TOKEN, secret_token_env: TG_SECRET }
                """, "parley.yml", ENV).channels().get(0);
        assertThat(plain.settings()).doesNotContainKey("register_webhook");
    }

    @Test
    void registerWebhookIsTrueOrFalseAndOnlyForTelegram() {
        assertThatThrownBy(() -> ConfigLoader.parse(BASE + """
                  - { id: tg, type: telegram, widget: website, bot_token_env: TG_TOKEN, secret_token_env: TG_SECRET,
                      register_webhook: sometimes }
                """, "parley.yml", ENV)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("register_webhook").hasMessageContaining("true or false");
        assertThatThrownBy(() -> ConfigLoader.parse(BASE + """
                  - { id: fb, type: messenger, widget: website, access_token_env: TG_TOKEN, app_secret_env: TG_TOKEN,
                      verify_token_env: TG_TOKEN, register_webhook: true }
                """, "parley.yml", ENV)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("register_webhook");
    }
}
