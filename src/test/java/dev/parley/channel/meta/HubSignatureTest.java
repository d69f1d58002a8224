package dev.parley.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Meta's {@code X-Hub-Signature-256} and {@code hub.challenge} rules, with the known test vectors. */
class HubSignatureTest {
    /** A WhatsApp text webhook, byte for byte, whose signature with {@code app_secret_for_tests} is known. */
    static final String VECTOR_BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
            + "\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":"
            + "\"Sheena Nelson\"},\"wa_id\":\"16505551234\"}],\"messages\":[{\"from\":\"16505551234\",\"id\":"
            + "\"wamid.TEST1\",\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}]},"
            + "\"field\":\"messages\"}]}]}";
    static final String VECTOR_SIGNATURE = "sha256=d680bb70ebbc971480f3d7abda16aa8ab04402522fe998322191a95ceb0ad918";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theKnownHmacVectorVerifies() {
        HubSignature secret = new HubSignature("secret");
        String expected = "sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914";
        assertThat(secret.sign(bytes("test"))).isEqualTo(expected);
        assertThat(secret.check(bytes("test"), Optional.of(expected))).isEqualTo(new SignatureCheck.Valid());
        assertThat(secret.check(bytes("test"), Optional.of(expected.toUpperCase().replace("SHA256", "sha256"))))
                .as("hex digits in either case").isEqualTo(new SignatureCheck.Valid());
    }

    @Test
    void aWhatsAppWebhookSignedByMetaVerifiesOverItsRawBytes() {
        HubSignature secret = new HubSignature("app_secret_for_tests");
        assertThat(secret.check(bytes(VECTOR_BODY), Optional.of(VECTOR_SIGNATURE))).isEqualTo(new SignatureCheck.Valid());
        assertThat(secret.check(bytes(VECTOR_BODY + "\n"), Optional.of(VECTOR_SIGNATURE)))
                .as("one byte more").isEqualTo(new SignatureCheck.Mismatch());
        assertThat(new HubSignature("another_secret").check(bytes(VECTOR_BODY), Optional.of(VECTOR_SIGNATURE)))
                .isEqualTo(new SignatureCheck.Mismatch());
    }

    @Test
    void escapedUnicodeIsCheckedAsSentNotAsDecoded() {
        HubSignature secret = new HubSignature("app_secret_for_tests");
        String escaped = "{\"text\":\"\\u00e4\\u00f6\\u00e5\"}";
        String signature = secret.sign(bytes(escaped));
        assertThat(secret.check(bytes(escaped), Optional.of(signature))).isEqualTo(new SignatureCheck.Valid());
        assertThat(secret.check(bytes("{\"text\":\"äöå\"}"), Optional.of(signature)))
                .isEqualTo(new SignatureCheck.Mismatch());
    }

    @Test
    void aMissingOrMalformedHeaderIsNamed() {
        HubSignature secret = new HubSignature("secret");
        assertThat(secret.check(bytes("test"), Optional.empty())).isEqualTo(new SignatureCheck.Missing());
        assertThat(secret.check(bytes("test"), Optional.of(" "))).isEqualTo(new SignatureCheck.Missing());
        assertThat(secret.check(bytes("test"), Optional.of("sha1=0329a06b62cd16b33eb6792be8c60b158d89a2ee")))
                .isEqualTo(new SignatureCheck.Malformed("the signature must start with \"sha256=\""));
        assertThat(secret.check(bytes("test"), Optional.of("sha256=0329zz")))
                .isEqualTo(new SignatureCheck.Malformed("after \"sha256=\" come 64 hex digits, not 6 characters"));
    }

    @Test
    void theHandshakeAnswersOnlyASubscribeWithTheRightToken() {
        HubChallenge hub = new HubChallenge("meatyhamhock");
        assertThat(hub.answer(Map.of("hub.mode", "subscribe", "hub.challenge", "1158201444",
                "hub.verify_token", "meatyhamhock"))).isEqualTo(new HubChallenge.Answer.Challenge("1158201444"));
        assertThat(hub.answer(Map.of("hub.mode", "subscribe", "hub.challenge", "1158201444",
                "hub.verify_token", "meatyhamhocks"))).isInstanceOf(HubChallenge.Answer.Refused.class);
        assertThat(hub.answer(Map.of("hub.mode", "unsubscribe", "hub.challenge", "1",
                "hub.verify_token", "meatyhamhock"))).isInstanceOf(HubChallenge.Answer.Refused.class);
        assertThat(hub.answer(Map.of("hub.challenge", "1", "hub.verify_token", "meatyhamhock")))
                .isInstanceOf(HubChallenge.Answer.Refused.class);
        assertThat(hub.answer(Map.of("hub.mode", "subscribe", "hub.verify_token", "meatyhamhock")))
                .isEqualTo(new HubChallenge.Answer.Refused("hub.challenge is missing"));
    }
}
