package dev.parley.flow;

import dev.parley.config.Suggestions;
import dev.parley.flow.Template.Filter;
import dev.parley.flow.Template.Literal;
import dev.parley.flow.Template.Part;
import dev.parley.flow.Template.Placeholder;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/** Parses {@code {{ variable | filter: 'arg' }}} placeholders; columns in messages are 1-based within the text. */
final class TemplateParser {

    static final List<String> FILTERS = List.of("default", "upper", "lower", "trim", "date", "raw");

    private final String text;
    private final int start;
    private final int end;
    private int pos;

    private TemplateParser(String text, int start, int end) {
        this.text = text;
        this.start = start;
        this.pos = start;
        this.end = end;
    }

    static Template parse(String text) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                parts.add(new Literal(text.substring(from)));
                break;
            }
            if (open > from) {
                parts.add(new Literal(text.substring(from, open)));
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new SyntaxException("'{{' at column " + (open + 1)
                        + " is not closed: end the placeholder with '}}'");
            }
            parts.add(new TemplateParser(text, open + 2, close).placeholder());
            from = close + 2;
        }
        return new Template(text, parts);
    }

    private Placeholder placeholder() {
        skipSpaces();
        if (pos == end) {
            throw new SyntaxException("empty placeholder at column " + (start - 1)
                    + ": name a variable, as in {{contact.name}}");
        }
        int column = pos + 1;
        String name = word(c -> isNameChar(c) || c == '.');
        if (name.isEmpty()) {
            throw unexpected("a variable name");
        }
        VariablePath variable;
        try {
            variable = VariablePath.parse(name);
        } catch (SyntaxException e) {
            throw new SyntaxException(e.getMessage() + " (column " + column + ")");
        }
        List<Filter> filters = new ArrayList<>();
        skipSpaces();
        while (pos < end) {
            if (text.charAt(pos) != '|') {
                throw unexpected("'|' before a filter or '}}'");
            }
            pos++;
            skipSpaces();
            filters.add(filter());
            skipSpaces();
        }
        return new Placeholder(variable, filters);
    }

    private Filter filter() {
        int column = pos + 1;
        String name = word(TemplateParser::isNameChar);
        if (name.isEmpty()) {
            throw unexpected("a filter name (" + String.join(", ", FILTERS) + ")");
        }
        skipSpaces();
        Optional<String> argument = Optional.empty();
        if (pos < end && text.charAt(pos) == ':') {
            pos++;
            skipSpaces();
            argument = Optional.of(argument());
        }
        return switch (name) {
            case "default" -> new Template.Default(required(name, argument, "default: 'there'"));
            case "upper" -> noArgument(name, argument, new Template.Upper());
            case "lower" -> noArgument(name, argument, new Template.Lower());
            case "trim" -> noArgument(name, argument, new Template.Trim());
            case "raw" -> noArgument(name, argument, new Template.Raw());
            case "date" -> new Template.DateFormat(datePattern(required(name, argument, "date: 'yyyy-MM-dd'")));
            default -> throw new SyntaxException("unknown filter '" + name + "' at column " + column
                    + Suggestions.didYouMean(name, FILTERS) + " (filters: " + String.join(", ", FILTERS) + ")");
        };
    }

    private String argument() {
        if (pos < end && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
            char quote = text.charAt(pos);
            int close = text.indexOf(quote, pos + 1);
            if (close < 0 || close >= end) {
                throw new SyntaxException("quote at column " + (pos + 1) + " is not closed");
            }
            String value = text.substring(pos + 1, close);
            pos = close + 1;
            return value;
        }
        String value = word(c -> c != '|' && !Character.isWhitespace(c));
        if (value.isEmpty()) {
            throw unexpected("a value after ':'");
        }
        return value;
    }

    private static String required(String filter, Optional<String> argument, String example) {
        return argument.orElseThrow(() ->
                new SyntaxException("filter '" + filter + "' needs a value, as in " + example));
    }

    private static Filter noArgument(String filter, Optional<String> argument, Filter result) {
        if (argument.isPresent()) {
            throw new SyntaxException("filter '" + filter + "' takes no value; remove ': " + argument.get() + "'");
        }
        return result;
    }

    private static String datePattern(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern);
            return pattern;
        } catch (IllegalArgumentException e) {
            throw new SyntaxException("'" + pattern + "' is not a date pattern (" + e.getMessage()
                    + "); use letters such as yyyy-MM-dd or dd.MM.yyyy");
        }
    }

    private String word(IntPredicate accepted) {
        int from = pos;
        while (pos < end && accepted.test(text.charAt(pos))) {
            pos++;
        }
        return text.substring(from, pos);
    }

    private void skipSpaces() {
        while (pos < end && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SyntaxException unexpected(String expected) {
        String found = pos < end ? "'" + text.charAt(pos) + "'" : "'}}'";
        return new SyntaxException("expected " + expected + " at column " + (pos + 1) + ", found " + found);
    }

    private static boolean isNameChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
