package dev.parley.channel.threema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.channel.Verification;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The crypto of the Threema channel against published vectors: NaCl's own {@code crypto_box} vector (libsodium's
 * {@code test/default/box.c} and {@code box.exp}, with the X25519 key pairs of RFC 7748 §6.1), a box made by
 * Threema's Java SDK ({@code CryptToolTest.testDecrypt}, its keys in {@code Common}), and the callback MAC of the
 * Gateway's receive tests (threema-gateway-rs {@code TEST_PAYLOAD}, {@code TEST_MAC_SECRET}).
 */
class ThreemaCryptoTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ALICE_SK = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] ALICE_PK = HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_SK = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] BOB_PK = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] NONCE = HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    private static final byte[] M = HEX.parseHex("be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf"
            + "33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a"
            + "838f21af1fde048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
    private static final byte[] C = HEX.parseHex("f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7"
            + "164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab9321"
            + "64548e526ae90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74e"
            + "355a5");
    /** crypto_box_beforenm(bobpk, alicesk), NaCl's {@code firstkey} of its secretbox vector. */
    private static final byte[] FIRST_KEY = HEX.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");

    @Test
    void naclBoxVectorSealsAndOpens() {
        assertThat(ThreemaCrypto.publicKey(ALICE_SK)).isEqualTo(ALICE_PK);
        assertThat(ThreemaCrypto.publicKey(BOB_SK)).isEqualTo(BOB_PK);
        assertThat(ThreemaCrypto.box(M, NONCE, BOB_PK, ALICE_SK)).isEqualTo(C);
        assertThat(ThreemaCrypto.open(C, NONCE, ALICE_PK, BOB_SK)).hasValue(M);
        byte[] altered = C.clone();
        altered[20] ^= 1;
        assertThat(ThreemaCrypto.open(altered, NONCE, ALICE_PK, BOB_SK)).isEmpty();
        assertThat(ThreemaCrypto.open(C, NONCE, BOB_PK, BOB_SK)).isEmpty();
    }

    @Test
    void naclSecretboxVectorSealsAndOpens() {
        assertThat(ThreemaCrypto.secretBox(M, NONCE, FIRST_KEY)).isEqualTo(C);
        assertThat(ThreemaCrypto.secretOpen(C, NONCE, FIRST_KEY)).hasValue(M);
        assertThat(ThreemaCrypto.secretOpen(C, NONCE, ALICE_SK)).isEmpty();
    }

    @Test
    void aBoxMadeByThreemasSdkOpensToItsText() {
        byte[] otherPrivate = ThreemaCrypto.privateKey(
                "private:8318e05220acd38e97ba41a9a6318688214219916075ca060f9339a6d1f7fc29");
        byte[] myPrivate = ThreemaCrypto.privateKey(
                "private:94af3260fa2a19adc8e82e82be598be15bc6ad6f47c8ee303cb185ef860e16d2");
        byte[] myPublic = HEX.parseHex("3851ad59c96146a05b32e41c0ccd0fd639dc8cd66bf6e1cbd3c8d67e4e8f5531");
        assertThat(ThreemaCrypto.publicKey(myPrivate)).isEqualTo(myPublic);
        assertThat(ThreemaCrypto.publicKey(otherPrivate))
                .isEqualTo(HEX.parseHex("10ac7fd937eafb806f9a05bf9afa340a99387b0063cc9cb0d1ea5505d39cc076"));
        byte[] nonce = HEX.parseHex("0a1ec5b67b4d61a1ef91f55e8ce0471fee96ea5d8596dfd0");
        byte[] box = HEX.parseHex("45181c7aed95a1c100b1b559116c61b43ce15d04014a805288b7d14bf3a993393264fe554794ce7d"
                + "6007233e8ef5a0f1ccdd704f34e7c7b77c72c239182caf1d061d6fff6ffbbfe8d3b8f3475c2fe352e563aa60290c666b2e627761"
                + "e32155e62f048b52ef2f39c13ac229f393c67811749467396ecd09f42d32a4eb419117d0451056ac18fac957c52b0cca67568e2d97"
                + "e5a3fd829a77f914a1ad403c5909fd510a313033422ea5db71eaf43d483238612a54cb1ecfe55259b1de5579e67c6505df7d674d34"
                + "a737edf721ea69d15b567bc2195ec67e172f3cb8d6842ca88c29138cc33e9351dbc1e4973a82e1cf428c1c763bb8f3eb57770f914a");
        byte[] plain = ThreemaCrypto.open(box, nonce, myPublic, otherPrivate).orElseThrow();
        assertThat(ThreemaMessage.read(plain)).isEqualTo(new ThreemaMessage.Text("Dies ist eine Testnachricht. äöü"));
    }

    @Test
    void aWrittenMessageIsPaddedToAtLeast32BytesAndReadsBack() {
        for (int i = 0; i < 50; i++) {
            byte[] plain = ThreemaMessage.write(new ThreemaMessage.Text("hi"));
            assertThat(plain[0]).isEqualTo((byte) 0x01);
            int padding = plain[plain.length - 1] & 0xff;
            assertThat(padding).isBetween(1, 255);
            assertThat(plain.length - 1).isGreaterThanOrEqualTo(32);
            assertThat(ThreemaMessage.read(plain)).isEqualTo(new ThreemaMessage.Text("hi"));
        }
        assertThatThrownBy(() -> ThreemaMessage.read(new byte[] {0x01, 0x41, 0x05}))
                .hasMessageContaining("padding length 5");
        byte[] receipt = {(byte) 0x80, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 0x01};
        assertThat(ThreemaMessage.read(receipt)).isEqualTo(
                new ThreemaMessage.Receipt(2, java.util.List.of("0102030405060708")));
        assertThat(ThreemaMessage.read(new byte[] {0x10, 0x00, 0x01})).isEqualTo(new ThreemaMessage.Other(0x10));
    }

    @Test
    void theCallbackMacOfTheGatewaysTestPayloadMatchesOnlyItsSecret() {
        byte[] body = ("from=ECHOECHO&to=*TESTTST&messageId=0102030405060708&date=1616950936"
                + "&nonce=ffffffffffffffffffffffffffffffffffffffffffffffff&box=012345abcdef"
                + "&mac=622b362e8353658ee649a5548acecc9ce9b88384d6b7e08e212446d68455b14e")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(ThreemaCallback.verify(body, "nevergonnagiveyouup".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Verification.Verified.class);
        assertThat(ThreemaCallback.verify(body, "nevergonnaletyoudown".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Verification.Refused.class);
        byte[] unsigned = "from=ECHOECHO&to=*TESTTST".getBytes(StandardCharsets.US_ASCII);
        assertThat(ThreemaCallback.verify(unsigned, "nevergonnagiveyouup".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Verification.Refused.class);
        assertThatThrownBy(() -> ThreemaCallback.parse(body, "*TESTTST")).as("6 bytes cannot hold a MAC and data")
                .hasMessageStartingWith("box:");
        assertThatThrownBy(() -> ThreemaCallback.parse(body, "*PARLEY1")).hasMessageStartingWith("to:");
    }

    @Test
    void keyFilesAreReadWithOrWithoutTheirPrefixAndNeverEchoed() {
        String hex = "94af3260fa2a19adc8e82e82be598be15bc6ad6f47c8ee303cb185ef860e16d2";
        assertThat(ThreemaCrypto.privateKey(hex + "\n")).isEqualTo(ThreemaCrypto.privateKey("private:" + hex));
        assertThatThrownBy(() -> ThreemaCrypto.privateKey("private:" + hex.substring(2)))
                .hasMessageNotContaining(hex.substring(2)).hasMessageContaining("64 hex digits");
    }
}
