package dev.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code Parley-Signature}: the worked example of docs/custom-channel.md, and what a check refuses. */
class WebhookSignerTest {
    private static final String TOKEN = "whsec_example_token";
    private static final byte[] BODY = ("{\"id\":\"m-1\",\"user\":{\"id\":\"u-42\",\"name\":\"Zoe\"},"
            + "\"sent_at\":\"2025-12-05T05:00:00Z\",\"packet\":{\"name\":\"message\",\"payload\":{\"body\":\"Hi\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant T = Instant.ofEpochSecond(1764910800L);
    private static final String DOCUMENTED = "t=1764910800,v1="
            + "7bf6cb5e01f4b4a63b53264d71c518b460aceec78485f53b7e228a5ea34605cc";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theWorkedExampleOfTheDocsSignsToItsHex() {
        assertThat(BODY).hasSize(131);
        assertThat(WebhookSigner.header(TOKEN, BODY, T)).isEqualTo(DOCUMENTED);
        assertThat(WebhookSigner.header(TOKEN, new String(BODY, StandardCharsets.UTF_8), T)).isEqualTo(DOCUMENTED);
    }

    @Test
    void aSignatureWithinTheToleranceIsValidAndAnOlderOneExpired() {
        assertThat(check(DOCUMENTED, T.plusSeconds(300))).isInstanceOf(WebhookSigner.Check.Valid.class);
        assertThat(check(DOCUMENTED, T.minusSeconds(300))).isInstanceOf(WebhookSigner.Check.Valid.class);
        assertThat(check(DOCUMENTED, T.plusSeconds(301))).isEqualTo(new WebhookSigner.Check.Expired(
                Duration.ofSeconds(301)));
        assertThat(check(DOCUMENTED.toUpperCase().replace("T=", "t=").replace("V1=", "v1="), T))
                .isInstanceOf(WebhookSigner.Check.Valid.class);
    }

    @Test
    void aSecondV1DuringRotationIsAcceptedWhenOneMatches() {
        String rotated = "t=1764910800,v1=" + "0".repeat(64) + "," + DOCUMENTED.substring(DOCUMENTED.indexOf("v1="));
        assertThat(check(rotated, T)).isInstanceOf(WebhookSigner.Check.Valid.class);
    }

    @Test
    void wrongMissingAndMalformedSignaturesAreRefused() {
        assertThat(check("t=1764910801," + DOCUMENTED.substring(DOCUMENTED.indexOf("v1=")), T))
                .isInstanceOf(WebhookSigner.Check.Mismatch.class);
        assertThat(WebhookSigner.check("another token", BODY, Optional.of(DOCUMENTED), T, FIVE_MINUTES))
                .isInstanceOf(WebhookSigner.Check.Mismatch.class);
        assertThat(WebhookSigner.check(TOKEN, BODY, Optional.empty(), T, FIVE_MINUTES))
                .isInstanceOf(WebhookSigner.Check.Missing.class);
        assertThat(check("sha256=abc", T)).isInstanceOf(WebhookSigner.Check.Malformed.class);
        assertThat(check("t=1764910800", T)).isInstanceOf(WebhookSigner.Check.Malformed.class);
        assertThat(check("t=soon,v1=" + "0".repeat(64), T)).isInstanceOf(WebhookSigner.Check.Malformed.class);
        assertThat(check("t=1764910800,v1=abc", T)).isInstanceOf(WebhookSigner.Check.Malformed.class);
    }

    private static WebhookSigner.Check check(String header, Instant now) {
        return WebhookSigner.check(TOKEN, BODY, Optional.of(header), now, FIVE_MINUTES);
    }
}
