package dev.parley.flow;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A dotted reference to a value a flow can read, such as {@code contact.name},
 * {@code order.items.0.sku} or {@code first_name}. The first segment (the root) is
 * {@code contact}, {@code conversation}, {@code env}, {@code page_tags} or a flow variable.
 *
 * @param segments the names between the dots; never empty
 */
public record VariablePath(List<String> segments) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern INDEX = Pattern.compile("[0-9]+");

    public VariablePath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a variable path has at least one segment");
        }
    }

    /** The first segment. */
    public String root() {
        return segments.get(0);
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }

    /** True when {@code text} is a valid variable name (the form of every root and of {@code save:} targets). */
    static boolean isName(String text) {
        return NAME.matcher(text).matches();
    }

    /** Parses {@code a.b.0.c}; a segment after the first may also be a list index. */
    static VariablePath parse(String text) {
        List<String> segments = List.of(text.split("\\.", -1));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean valid = isName(segment) || (i > 0 && INDEX.matcher(segment).matches());
            if (!valid) {
                throw new SyntaxException("'" + text + "' is not a variable: write names of letters, digits, '_' or '-'"
                        + " joined by dots, such as contact.name or order.status");
            }
        }
        return new VariablePath(segments);
    }
}
