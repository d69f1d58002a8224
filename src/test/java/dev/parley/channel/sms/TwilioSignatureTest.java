package dev.parley.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.channel.InboundRequest;
import dev.parley.channel.Verification;
import dev.parley.channel.standin.TwilioStandIn;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code X-Twilio-Signature} against the test vector Twilio publishes with its request validator. */
class TwilioSignatureTest {
    /** Twilio's RequestValidatorTest: auth token 12345, this URL and these parameters. */
    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php";
    private static final String QUERY = "foo=1&bar=2";
    private static final String EXPECTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("From", "+14158675309");
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("To", "+18005551212");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");
        return params;
    }

    private static InboundRequest request(Map<String, String> form, String signature, String query) {
        return new InboundRequest(TwilioStandIn.form(form).getBytes(StandardCharsets.UTF_8),
                Map.of("X-Twilio-Signature", List.of(signature)), query);
    }

    @Test
    void twiliosPublishedExampleVerifies() {
        TwilioSignature signature = new TwilioSignature(TOKEN, URL);
        assertThat(signature.sign(URL + "?" + QUERY, Map.of("CallSid", List.of("CA1234567890ABCDE"),
                "Caller", List.of("+14158675309"), "Digits", List.of("1234"), "From", List.of("+14158675309"),
                "To", List.of("+18005551212")))).isEqualTo(EXPECTED);
        assertThat(TwilioStandIn.sign(TOKEN, URL + "?" + QUERY, params())).isEqualTo(EXPECTED);
        assertThat(signature.verify(request(params(), EXPECTED, QUERY))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void theUrlIsTheConfiguredPublicOneWithOrWithoutItsDefaultPort() {
        assertThat(new TwilioSignature(TOKEN, "https://mycompany.com:443/myapp.php")
                .verify(request(params(), EXPECTED, QUERY))).isInstanceOf(Verification.Verified.class);
        assertThat(TwilioSignature.urls("https://mycompany.com/a?b=1"))
                .containsExactly("https://mycompany.com/a?b=1", "https://mycompany.com:443/a?b=1");
        assertThat(new TwilioSignature(TOKEN, "https://othercompany.com/myapp.php")
                .verify(request(params(), EXPECTED, QUERY))).isInstanceOf(Verification.Refused.class);
    }

    @Test
    void anyChangeOrAMissingSignatureIsRefused() {
        TwilioSignature signature = new TwilioSignature(TOKEN, URL);
        Map<String, String> changed = params();
        changed.put("Digits", "1235");
        assertThat(signature.verify(request(changed, EXPECTED, QUERY))).isInstanceOf(Verification.Refused.class);
        Map<String, String> added = params();
        added.put("Body", "hi");
        assertThat(signature.verify(request(added, EXPECTED, QUERY))).isInstanceOf(Verification.Refused.class);
        assertThat(signature.verify(request(params(), EXPECTED, "foo=1&bar=3")))
                .isInstanceOf(Verification.Refused.class);
        assertThat(signature.verify(request(params(), EXPECTED, ""))).isInstanceOf(Verification.Refused.class);
        assertThat(new TwilioSignature("54321", URL).verify(request(params(), EXPECTED, QUERY)))
                .isInstanceOf(Verification.Refused.class);
        assertThat(signature.verify(new InboundRequest(TwilioStandIn.form(params()).getBytes(StandardCharsets.UTF_8),
                Map.of(), QUERY))).isInstanceOf(Verification.Refused.class);
        assertThat(signature.verify(request(params(), "", QUERY))).isInstanceOf(Verification.Refused.class);
    }
}
