package dev.parley.flow;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A text with placeholders, parsed when the flow is loaded: {@code "Hi {{contact.name | default: 'there'}}!"}.
 * A placeholder names a {@link VariablePath} and may pass the value through filters.
 *
 * @param source the text as written in the flow
 * @param parts  literal text and placeholders in order
 */
public record Template(String source, List<Part> parts) {

    public Template {
        parts = List.copyOf(parts);
    }

    /** A piece of a template. */
    public sealed interface Part permits Literal, Placeholder {
    }

    /** Text copied as it is. */
    public record Literal(String text) implements Part {
    }

    /** {@code {{ variable | filter: arg | … }}}: a value, passed through the filters left to right. */
    public record Placeholder(VariablePath variable, List<Filter> filters) implements Part {
        public Placeholder {
            filters = List.copyOf(filters);
        }
    }

    /** What a placeholder does to its value. */
    public sealed interface Filter permits Default, Upper, Lower, Trim, DateFormat, Raw, UrlEncoded {
    }

    /** {@code default: 'x'}: {@code x} when the value is missing or empty. */
    public record Default(String fallback) implements Filter {
    }

    /** {@code upper}: the value in upper case. */
    public record Upper() implements Filter {
    }

    /** {@code lower}: the value in lower case. */
    public record Lower() implements Filter {
    }

    /** {@code trim}: the value without leading and trailing white space. */
    public record Trim() implements Filter {
    }

    /**
     * {@code date: 'dd.MM.yyyy'}: an ISO date or date-time written in a
     * {@link java.time.format.DateTimeFormatter} pattern.
     */
    public record DateFormat(String pattern) implements Filter {
    }

    /**
     * {@code raw}: the value as it is, where it would otherwise be encoded — in a URL parameter, whose
     * values are encoded for their place in the URL (see {@link #inUrl()}).
     */
    public record Raw() implements Filter {
    }

    /**
     * Encodes the value for where it lands in a URL: percent-encoded as one path segment or one query
     * value, so it cannot add a segment, a query parameter or a fragment. Never written in a flow: the
     * loader adds it to the placeholders of URL parameters (see {@link #inUrl()}).
     */
    public record UrlEncoded() implements Filter {
    }

    /**
     * This template as a URL: every placeholder without {@code raw} gets {@link UrlEncoded} as its
     * last filter, so that a value a contact typed cannot change the path or the query around it.
     */
    public Template inUrl() {
        return new Template(source, parts.stream().<Part>map(part -> switch (part) {
            case Literal literal -> literal;
            case Placeholder placeholder -> placeholder.filters().contains(new Raw()) ? placeholder
                    : new Placeholder(placeholder.variable(), Stream.concat(
                            placeholder.filters().stream(), Stream.<Filter>of(new UrlEncoded())).toList());
        }).toList());
    }

    /** True when the template has no placeholders. */
    public boolean isConstant() {
        return parts.stream().allMatch(Literal.class::isInstance);
    }

    /**
     * The variable of a template that is one placeholder without filters: such a template renders
     * as the value itself, keeping its type (an object, a number), where any other renders as text.
     */
    public Optional<VariablePath> wholeValue() {
        return parts.size() == 1 && parts.get(0) instanceof Placeholder placeholder && placeholder.filters().isEmpty()
                ? Optional.of(placeholder.variable()) : Optional.empty();
    }

    /** The literal text before the first placeholder: the whole text when there is none. */
    public String literalStart() {
        StringBuilder start = new StringBuilder();
        for (Part part : parts) {
            if (!(part instanceof Literal literal)) {
                break;
            }
            start.append(literal.text());
        }
        return start.toString();
    }

    /** The variables the placeholders read, in order. */
    public List<VariablePath> variables() {
        return parts.stream()
                .filter(Placeholder.class::isInstance)
                .map(part -> ((Placeholder) part).variable())
                .toList();
    }

    /** The empty text, a placeholder after a problem. */
    static Template empty() {
        return new Template("", List.of());
    }

    /** Parses {@code text}; throws {@link SyntaxException} when a placeholder is malformed. */
    static Template parse(String text) {
        return TemplateParser.parse(text);
    }
}
