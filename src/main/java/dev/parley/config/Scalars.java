package dev.parley.config;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Conversions behind {@link YamlNode}'s typed getters, which throw {@link IllegalArgumentException}
 * on bad text, and the descriptions of nodes used in its error messages.
 */
final class Scalars {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,10}");
    private static final int QUOTE_LIMIT = 80;

    private Scalars() {
    }

    static int toInt(String text) {
        long value = INTEGER.matcher(text).matches() ? Long.parseLong(text) : Long.MAX_VALUE;
        if (value != (int) value) {
            throw new IllegalArgumentException("not an integer");
        }
        return (int) value;
    }

    static boolean toBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    static <E extends Enum<E>> E toEnum(Class<E> type, String text) {
        return List.of(type.getEnumConstants()).stream()
                .filter(constant -> yamlName(constant).equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a " + type.getSimpleName()));
    }

    static <E extends Enum<E>> String enumNames(Class<E> type) {
        return List.of(type.getEnumConstants()).stream().map(Scalars::yamlName).collect(Collectors.joining(", "));
    }

    private static String yamlName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** {@code raw} quoted, marked when {@code substitution} changes it, whose result is never shown. */
    static String quote(String raw, UnaryOperator<String> substitution) {
        boolean substituted;
        try {
            substituted = !substitution.apply(raw).equals(raw);
        } catch (IllegalArgumentException e) {
            substituted = true;
        }
        return quote(raw) + (substituted ? " (after substitution)" : "");
    }

    static String quote(String text) {
        return "'" + (text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text) + "'";
    }

    /** 1-based line where {@code node} starts. */
    static int lineOf(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    static String kindOf(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return Tag.NULL.equals(node.getTag()) ? "nothing" : "a string";
    }
}
