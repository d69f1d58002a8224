package dev.parley.flow.action;

import dev.parley.config.Suggestions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a built-in action's {@code with:} parameters; a parameter that breaks its rule throws
 * {@link ParamException} with a message such as {@code with.url: must be an http or https URL}.
 */
final class Params {
    private final Map<String, Object> params;

    Params(Map<String, Object> params) {
        this.params = params;
    }

    /** Refuses parameters not in {@code known}, so a misspelt one is not silently ignored. */
    Params allowOnly(String action, List<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw new ParamException("with." + name + ": not a parameter of " + action
                        + Suggestions.hint(name, known));
            }
        }
        return this;
    }

    Optional<Object> raw(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A required, non-blank scalar as text. */
    String text(String name) {
        return optionalText(name).orElseThrow(() -> new ParamException("with." + name + ": required"));
    }

    /** A scalar as text; empty when missing, null or blank. */
    Optional<String> optionalText(String name) {
        return raw(name).map(value -> scalar("with." + name, value)).filter(text -> !text.isBlank());
    }

    /** A mapping of names to scalars, as text; empty when missing. */
    Map<String, String> textMap(String name) {
        Map<String, String> texts = new LinkedHashMap<>();
        raw(name).ifPresent(value -> {
            if (!(value instanceof Map<?, ?> map)) {
                throw new ParamException("with." + name + ": must be a mapping, as in " + name + ": { key: value }");
            }
            map.forEach((key, item) -> texts.put(String.valueOf(key), scalar("with." + name + "." + key, item)));
        });
        return texts;
    }

    /** An absolute http or https URL with a host. */
    URI httpUrl(String name) {
        String text = text(name).strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ParamException("with." + name + ": must be an http or https URL; it is malformed at index "
                    + e.getIndex() + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ParamException("with." + name + ": must be an http or https URL"
                    + (scheme.isEmpty() ? ", as in https://api.example.com/orders" : ", not " + scheme + ":"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ParamException("with." + name + ": must be an http or https URL with a host name");
        }
        return uri;
    }

    /** A duration such as {@code 5s} or {@code 500ms}, more than zero. */
    Optional<Duration> duration(String name) {
        return optionalText(name).map(text -> Durations.parse(text)
                .filter(duration -> !duration.isZero())
                .orElseThrow(() -> new ParamException("with." + name + ": must be a duration such as 5s or 500ms,"
                        + " not '" + text + "'")));
    }

    private static String scalar(String path, Object value) {
        return switch (value) {
            case String text -> text;
            case Number number -> number.toString();
            case Boolean flag -> flag.toString();
            case null -> "";
            default -> throw new ParamException(path + ": must be a single value, not a "
                    + (value instanceof List<?> ? "list" : "mapping"));
        };
    }

    /** A parameter breaks its rule; the message names it. */
    static final class ParamException extends RuntimeException {
        ParamException(String message) {
            super(message);
        }
    }
}
