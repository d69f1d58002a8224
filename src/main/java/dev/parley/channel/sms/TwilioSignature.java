package dev.parley.channel.sms;

import dev.parley.channel.InboundRequest;
import dev.parley.channel.Verification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of the HMAC-SHA1, keyed with the account's auth token, of the full
 * URL Twilio called followed by every POST parameter's name and value, sorted by name. The URL is the public
 * webhook URL Parley was told to give Twilio ({@code public_base_url}, so it holds behind a proxy) with the raw
 * query string of the call; never the Host header. Like Twilio's own validator, the URL is also tried with its
 * default port written out or left out, since Twilio signs the URL as it was configured.
 */
final class TwilioSignature {
    static final String HEADER = "X-Twilio-Signature";

    private final byte[] authToken;
    private final String webhookUrl;

    /** {@code webhookUrl}: {@code {public_base_url}/channels/{id}/webhook}, without a query string. */
    TwilioSignature(String authToken, String webhookUrl) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
        this.webhookUrl = webhookUrl;
    }

    /** Whether {@code request} carries Twilio's signature of its URL and form parameters. */
    Verification verify(InboundRequest request) {
        Optional<String> header = request.header(HEADER);
        if (header.isEmpty() || header.get().isBlank()) {
            return new Verification.Refused(HEADER + " is missing");
        }
        TwilioForm form;
        try {
            form = TwilioForm.of(request.body());
        } catch (IllegalArgumentException e) {
            return new Verification.Refused("the body is not a form Twilio signs");
        }
        String url = request.query().isEmpty() ? webhookUrl : webhookUrl + "?" + request.query();
        byte[] given = header.get().strip().getBytes(StandardCharsets.US_ASCII);
        for (String candidate : urls(url)) {
            if (MessageDigest.isEqual(sign(candidate, form.parameters()).getBytes(StandardCharsets.US_ASCII),
                    given)) {
                return new Verification.Verified();
            }
        }
        return new Verification.Refused(HEADER + " does not match the URL and parameters");
    }

    /** The signature Twilio computes for a call of {@code url} with these POST parameters. */
    String sign(String url, Map<String, List<String>> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** {@code url} as given, and with its scheme's default port added or removed. */
    static List<String> urls(String url) {
        List<String> urls = new ArrayList<>(List.of(url));
        URI uri = URI.create(url);
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String authority = uri.getRawAuthority();
        String rest = url.substring(url.indexOf(authority) + authority.length());
        String prefix = uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getHost();
        if (uri.getPort() == defaultPort) {
            urls.add(prefix + rest);
        } else if (uri.getPort() == -1) {
            urls.add(prefix + ":" + defaultPort + rest);
        }
        return List.copyOf(urls);
    }
}
