package dev.parley.channel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A vendor's webhook call as it arrived: the raw body (signatures are computed over it), the headers, and the raw
 * query string of the URL it called (empty when there was none; some vendors sign the whole URL).
 */
public record InboundRequest(byte[] body, Map<String, List<String>> headers, String query) {
    public InboundRequest {
        body = body.clone();
        query = query == null ? "" : query;
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(lower);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first value of a header, by its name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).flatMap(v -> v.stream().findFirst());
    }
}
