package dev.parley.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.auth.Secrets;
import dev.parley.config.Behavior;
import dev.parley.config.BotType;
import dev.parley.config.RetryConfig;
import dev.parley.routing.Bot;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryMaskingTest {
    static final String TOKEN = Secrets.newToken();
    static final String OTHER_HEX = Secrets.newToken();

    final DeliveryMasking masking = DeliveryMasking.of(new Bot("shop", "Shop", "support", BotType.API, Behavior.HUMAN, 10,
            false, List.of(), Optional.empty(), Optional.empty(), Optional.of(URI.create("http://127.0.0.1:9/hook")),
            Map.of("API-SECURITY-TOKEN", "s3cr\"et-value", "X-Lang", "de"), Optional.of(Secrets.hash(TOKEN)),
            Optional.of("signing-secret-1"), Duration.ofSeconds(10), new RetryConfig(6, Duration.ofSeconds(1))));

    @Test
    void secretsAndSecretNamedKeysAreMaskedInJsonBodies() {
        String body = """
                {"echo": "token is %s, not %s", "nested": {"client_secret": {"a": 1}, "pin_token": 1234},
                 "header": "s3cr\\"et-value", "sig": "signing-secret-1", "lang": "de"}""".formatted(TOKEN, OTHER_HEX);
        String masked = masking.mask(body);
        assertThat(masked).doesNotContain(TOKEN, "s3cr", "signing-secret-1", "1234", "\"a\"")
                .contains("token is ••••, not " + OTHER_HEX, "\"lang\":\"de\"", "\"client_secret\":\"••••\"");
    }

    @Test
    void cutOrInvalidBodiesAreMaskedAsText() {
        String cut = "{\"password\": \"hunter2\", \"api_key\": 42, \"note\": \"ok\", \"header\": \"s3cr\\\"et-value\","
                + " \"access_token\": \"abcdefgh…";
        String masked = masking.mask(cut);
        assertThat(masked).doesNotContain("hunter2", "42", "s3cr", "abcdefgh")
                .contains("\"password\": \"••••\"", "\"api_key\": \"••••\"", "\"note\": \"ok\"");
        assertThat(masking.text("bot said " + TOKEN)).isEqualTo("bot said ••••");
        assertThat(masking.mask("")).isEmpty();
    }
}
