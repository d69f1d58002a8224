package dev.parley.flow;

import dev.parley.config.Suggestions;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.parley.config.YamlNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code validate:} of an ask node: one check and its error message. */
final class CheckParser {

    static final List<String> CHECKS = List.of("text", "number", "email", "phone", "date", "one_of", "pattern");
    static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
    private static final List<String> SHORTHANDS = List.of("text", "number", "email", "phone", "date");

    private final ParseContext context;
    private final CheckOptions options;

    CheckParser(ParseContext context) {
        this.context = context;
        this.options = new CheckOptions(context);
    }

    AnswerCheck.Rule rule(YamlNode value) {
        if (Shapes.isScalar(value)) {
            String name = context.text(value);
            if (!SHORTHANDS.contains(name)) {
                context.problems.error(value, "validate is one of " + String.join(", ", SHORTHANDS)
                        + ", or a mapping such as { pattern: '^[0-9]{6}$', error: 'Six digits, please.' }"
                        + Suggestions.didYouMean(name, CHECKS));
            }
            return new AnswerCheck.Rule(shorthand(name), Optional.empty());
        }
        if (!Shapes.isMapping(value)) {
            context.problems.error(value, "validate is a check name or a mapping such as { email: true, error: '…' }");
            return new AnswerCheck.Rule(shorthand("text"), Optional.empty());
        }
        List<String> allowed = new ArrayList<>(CHECKS);
        allowed.add("error");
        context.keys(value, allowed);
        List<String> named = context.entries(value).keySet().stream().filter(CHECKS::contains).toList();
        boolean knownKeys = context.entries(value).keySet().stream().allMatch(allowed::contains);
        if (named.size() > 1 || (named.isEmpty() && knownKeys)) {
            context.problems.error(value, named.isEmpty() ? "validate needs one of " + String.join(", ", CHECKS)
                    : "validate takes one check, got '" + named.get(0) + "' and '" + named.get(1)
                    + "': use pattern for a rule that combines them");
        }
        String name = named.isEmpty() ? "text" : named.get(0);
        AnswerCheck check = context.optional(value, name).map(config -> check(name, config))
                .orElseGet(() -> shorthand(name));
        Optional<Template> error = context.optional(value, "error").map(context::nonBlankTemplate);
        return new AnswerCheck.Rule(check, error);
    }

    private static AnswerCheck shorthand(String name) {
        return switch (name) {
            case "number" -> new AnswerCheck.Number(Optional.empty(), Optional.empty());
            case "email" -> new AnswerCheck.Email();
            case "phone" -> new AnswerCheck.Phone(Optional.empty());
            case "date" -> new AnswerCheck.Date(DEFAULT_DATE_FORMAT);
            default -> new AnswerCheck.Text(OptionalInt.empty(), OptionalInt.empty());
        };
    }

    private AnswerCheck check(String name, YamlNode config) {
        return switch (name) {
            case "number" -> options.number(config);
            case "email" -> options.flagOnly(config, "email", new AnswerCheck.Email());
            case "phone" -> new AnswerCheck.Phone(options.option(config, "phone", "region").flatMap(this::region));
            case "date" -> new AnswerCheck.Date(options.option(config, "date", "format").map(this::dateFormat)
                    .orElse(DEFAULT_DATE_FORMAT));
            case "one_of" -> new AnswerCheck.OneOf(options.values(config));
            case "pattern" -> new AnswerCheck.Regex(regex(config));
            default -> options.text(config);
        };
    }

    private Optional<String> region(YamlNode value) {
        String region = context.text(value);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            context.problems.error(value, "'" + region + "' is not a region code: use an ISO 3166 code such as DE"
                    + " or US");
            return Optional.empty();
        }
        return Optional.of(region);
    }

    private String dateFormat(YamlNode value) {
        String format = context.text(value);
        try {
            DateTimeFormatter.ofPattern(format);
        } catch (IllegalArgumentException e) {
            context.problems.error(value, "'" + format + "' is not a date pattern (" + e.getMessage()
                    + "); use letters such as dd.MM.yyyy");
            return DEFAULT_DATE_FORMAT;
        }
        String letters = format.replaceAll("'[^']*'", "");
        if (!letters.matches(".*[yu].*") || !letters.matches(".*[ML].*") || !letters.contains("d")) {
            context.problems.error(value, "'" + format + "' does not give a whole date: it needs a year (yyyy),"
                    + " a month (MM) and a day (dd)");
        }
        return format;
    }

    private Pattern regex(YamlNode value) {
        String source = context.text(value);
        try {
            return Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            context.problems.error(value, "invalid regular expression '" + source + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
            return Pattern.compile("");
        }
    }
}
