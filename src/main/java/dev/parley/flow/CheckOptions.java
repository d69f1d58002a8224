package dev.parley.flow;

import dev.parley.config.YamlNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the options of one check of {@code validate:}: {@code true}, or a mapping of its options. */
final class CheckOptions {

    private final ParseContext context;

    CheckOptions(ParseContext context) {
        this.context = context;
    }

    /** A check without options, written {@code name: true}. */
    AnswerCheck flagOnly(YamlNode config, String name, AnswerCheck check) {
        if (Shapes.isScalar(config)) {
            requireTrue(config, name);
        } else {
            context.problems.error(config, name + " takes no options: write " + name + ": true");
        }
        return check;
    }

    /** The option {@code key} of a check written {@code name: true} or {@code name: { key: … }}. */
    Optional<YamlNode> option(YamlNode config, String name, String key) {
        if (!options(config, name, List.of(key))) {
            return Optional.empty();
        }
        return context.optional(config, key);
    }

    AnswerCheck.Text text(YamlNode config) {
        if (!options(config, "text", List.of("min_length", "max_length"))) {
            return new AnswerCheck.Text(OptionalInt.empty(), OptionalInt.empty());
        }
        Optional<YamlNode> min = context.optional(config, "min_length");
        Optional<YamlNode> max = context.optional(config, "max_length");
        OptionalInt minLength = min.map(value -> OptionalInt.of(context.integer(value, 0, Message.MAX_TEXT, 0)))
                .orElse(OptionalInt.empty());
        OptionalInt maxLength = max.map(value -> OptionalInt.of(context.integer(value, 1, Message.MAX_TEXT, 1)))
                .orElse(OptionalInt.empty());
        if (minLength.isPresent() && maxLength.isPresent() && minLength.getAsInt() > maxLength.getAsInt()) {
            context.problems.error(min.orElseThrow(), "min_length " + minLength.getAsInt() + " is above max_length "
                    + maxLength.getAsInt());
        }
        return new AnswerCheck.Text(minLength, maxLength);
    }

    AnswerCheck.Number number(YamlNode config) {
        if (!options(config, "number", List.of("min", "max"))) {
            return new AnswerCheck.Number(Optional.empty(), Optional.empty());
        }
        Optional<YamlNode> minNode = context.optional(config, "min");
        Optional<BigDecimal> min = minNode.flatMap(this::decimal);
        Optional<BigDecimal> max = context.optional(config, "max").flatMap(this::decimal);
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            context.problems.error(minNode.orElseThrow(), "min " + min.get() + " is above max " + max.get());
        }
        return new AnswerCheck.Number(min, max);
    }

    /** The values of {@code one_of: [a, b]}: at least one, no two alike. */
    List<String> values(YamlNode config) {
        if (!config.isList()) {
            context.problems.error(config, "one_of is a list of the accepted answers, as in one_of: [yes, no]");
            return List.of();
        }
        List<YamlNode> items = config.items();
        if (items.isEmpty()) {
            context.problems.error(config, "one_of needs at least one accepted answer");
        }
        Map<String, Integer> seen = new HashMap<>();
        return items.stream().map(item -> {
            String value = context.text(item);
            Integer first = seen.putIfAbsent(value.toLowerCase(Locale.ROOT), item.line());
            if (first != null) {
                context.problems.error(item, "'" + value + "' is listed twice (first on line " + first
                        + "; answers are compared ignoring case)");
            }
            return value;
        }).toList();
    }

    private Optional<BigDecimal> decimal(YamlNode value) {
        String text = context.text(value);
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            context.problems.error(value, "'" + text + "' is not a number");
            return Optional.empty();
        }
    }

    /** True when {@code config} is a mapping of options (checked against {@code keys}); false for {@code true}. */
    private boolean options(YamlNode config, String name, List<String> keys) {
        if (Shapes.isScalar(config)) {
            requireTrue(config, name);
            return false;
        }
        if (!Shapes.isMapping(config)) {
            context.problems.error(config, name + " is true or a mapping of its options ("
                    + String.join(", ", keys) + ")");
            return false;
        }
        context.keys(config, keys);
        return true;
    }

    private void requireTrue(YamlNode config, String name) {
        if (!context.problems.read(config::asBoolean, true)) {
            context.problems.error(config, name + ": false turns nothing off: write " + name + ": true, or remove it");
        }
    }
}
