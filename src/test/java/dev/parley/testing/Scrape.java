package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code GET /metrics}, parsed: the value of samples by name and labels. */
public record Scrape(String text) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Scrapes {@code baseUrl}/metrics with {@code headers}; fails unless it answers 200. */
    public static Scrape of(JsonHttp http, String baseUrl, Map<String, String> headers) {
        HttpAnswer answer = http.get(baseUrl + "/metrics", headers);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return new Scrape(answer.body());
    }

    public static Scrape of(JsonHttp http, String baseUrl) {
        return of(http, baseUrl, Map.of());
    }

    /** The sum of the samples called {@code name} whose labels include {@code labels}; 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name) && labelsOf(m.group(3)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(m.group(4));
            }
        }
        return sum;
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    /** Whether any sample is called {@code name}. */
    public boolean has(String name) {
        return text.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }

    private static Map<String, String> labelsOf(String raw) {
        Map<String, String> labels = new HashMap<>();
        if (raw != null) {
            Matcher m = LABEL.matcher(raw);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }
}
