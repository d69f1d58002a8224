package dev.parley.channel.sms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form Twilio posts ({@code application/x-www-form-urlencoded}, UTF-8): each parameter name with its values in
 * the order they came. Twilio adds parameters without notice, so every one is kept (the signature covers them all).
 */
record TwilioForm(Map<String, List<String>> parameters) {
    TwilioForm {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The form in {@code body}.
     *
     * @throws IllegalArgumentException when a name or value is not valid percent-encoding
     */
    static TwilioForm of(byte[] body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new TwilioForm(parameters);
    }

    /** The first value of {@code name}, if it came. */
    Optional<String> first(String name) {
        return Optional.ofNullable(parameters.get(name)).flatMap(v -> v.stream().findFirst());
    }
}
