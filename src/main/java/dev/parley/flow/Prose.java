package dev.parley.flow;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text a contact reads, as written in YAML. A block scalar keeps the author's line breaks, which
 * are there to keep the file readable, not to break the sentence in a chat bubble: single line
 * breaks fold into spaces, while blank lines (paragraphs), list items, quotes and markdown hard
 * breaks stay.
 */
final class Prose {
    private static final Pattern BLOCK_LINE = Pattern.compile("^\\s*([-*+>#]\\s|\\d+[.)]\\s|```)");
    private static final List<Pattern> MARKDOWN = List.of(
            Pattern.compile("\\*\\*[^*\\s][^*]*\\*\\*"), Pattern.compile("__[^_\\s][^_]*__"),
            Pattern.compile("`[^`\\s][^`]*`"), Pattern.compile("\\[[^\\]]+]\\(https?://[^)]+\\)"),
            Pattern.compile("~~[^~\\s][^~]*~~"));

    private Prose() {
    }

    /** {@code text} with its single line breaks folded into spaces. */
    static String fold(String text) {
        String[] lines = text.strip().split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String previous = lines[i - 1];
            String line = lines[i];
            boolean keep = previous.isBlank() || line.isBlank() || BLOCK_LINE.matcher(line).find()
                    || previous.endsWith("  ") || previous.endsWith("\\");
            if (keep) {
                out.append('\n').append(line);
            } else {
                out.setLength(out.length() - (previous.length() - previous.stripTrailing().length()));
                out.append(' ').append(line.strip());
            }
        }
        return out.toString();
    }

    /** The first markdown mark in {@code text}, if any: shown literally unless the text is markdown. */
    static Optional<String> markdownMark(String text) {
        return MARKDOWN.stream().map(pattern -> pattern.matcher(text)).filter(java.util.regex.Matcher::find)
                .map(java.util.regex.Matcher::group).findFirst();
    }
}
