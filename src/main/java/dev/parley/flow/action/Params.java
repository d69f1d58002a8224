package dev.parley.flow.action;

import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ParameterRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a built-in action's {@code with:} parameters. {@link ActionNodes#run} has checked them against
 * the action's {@link ActionParameters}, whose rules are the readings used here.
 */
final class Params {
    /** A single value (text, a number or true/false) as text. */
    static final Reading<String> TEXT = value -> {
        ParameterRule.text().check(value).ifPresent(problem -> {
            throw new ParamException(problem);
        });
        return String.valueOf(value);
    };

    /** A mapping of names to single values, as in {@code query: { lang: de }}; a value left empty is empty text. */
    static final Reading<Map<String, String>> TEXT_MAP = value -> {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ParamException("must be a mapping of names to values, as in { name: value }");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((key, item) -> {
            try {
                texts.put(String.valueOf(key), item == null ? "" : TEXT.read(item));
            } catch (ParamException e) {
                throw new ParamException("has '" + key + "', which " + e.getMessage());
            }
        });
        return texts;
    };

    private final Map<String, Object> params;

    Params(Map<String, Object> params) {
        this.params = params;
    }

    /** The value of {@code name} as given; empty when left out, null or blank text. */
    Optional<Object> raw(String name) {
        return Optional.ofNullable(params.get(name)).filter(ActionParameters::isGiven);
    }

    /** The value of {@code name} read by {@code reading}; empty when left out, null or blank text. */
    <T> Optional<T> read(String name, Reading<T> reading) {
        return raw(name).map(reading::read);
    }

    /** The value of {@code name} as text; empty when left out, null or blank text. */
    Optional<String> text(String name) {
        return read(name, TEXT);
    }

    /** A parameter's value breaks its rule; the message says how, after the parameter's name ("must be …"). */
    static final class ParamException extends RuntimeException {
        ParamException(String message) {
            super(message);
        }
    }
}
