package dev.parley.flow;

import java.util.ArrayList;
import java.util.List;

/** Splits a condition into tokens; columns are 1-based. */
final class ExpressionLexer {

    enum Kind { NAME, TEXT, NUMBER, OPERATOR, OPEN, CLOSE, END }

    record Token(Kind kind, String text, int column) {
        String describe() {
            return kind == Kind.END ? "the end" : "'" + text + "'";
        }
    }

    private final String source;
    private int pos;

    private ExpressionLexer(String source) {
        this.source = source;
    }

    static List<Token> tokens(String source) {
        return new ExpressionLexer(source).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
                pos++;
            }
            if (pos == source.length()) {
                tokens.add(new Token(Kind.END, "", pos + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = source.charAt(pos);
        if (c == '(' || c == ')') {
            pos++;
            return new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), start + 1);
        }
        if (c == '\'' || c == '"') {
            return text(c);
        }
        boolean negative = c == '-' && pos + 1 < source.length() && Character.isDigit(source.charAt(pos + 1));
        if (Character.isDigit(c) || negative) {
            pos++;
            skipDigits();
            if (pos + 1 < source.length() && source.charAt(pos) == '.' && Character.isDigit(source.charAt(pos + 1))) {
                pos++;
                skipDigits();
            }
            return new Token(Kind.NUMBER, source.substring(start, pos), start + 1);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < source.length() && isNameChar(source.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.NAME, source.substring(start, pos), start + 1);
        }
        return operator(start);
    }

    private Token operator(int start) {
        String two = source.substring(pos, Math.min(pos + 2, source.length()));
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
            pos += 2;
            return new Token(Kind.OPERATOR, two, start + 1);
        }
        char c = source.charAt(pos);
        if (c == '<' || c == '>') {
            pos++;
            return new Token(Kind.OPERATOR, String.valueOf(c), start + 1);
        }
        String hint = switch (two) {
            case "&&" -> "; write 'and'";
            case "||" -> "; write 'or'";
            default -> c == '=' ? "; write '==' to compare" : c == '!' ? "; write 'not'" : "";
        };
        throw new SyntaxException("unexpected '" + c + "' at column " + (start + 1) + hint);
    }

    private Token text(char quote) {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < source.length() && source.charAt(pos) != quote) {
            char c = source.charAt(pos++);
            if (c == '\\' && pos < source.length()) {
                c = source.charAt(pos++);
            }
            value.append(c);
        }
        if (pos == source.length()) {
            throw new SyntaxException("quote at column " + (start + 1) + " is not closed");
        }
        pos++;
        return new Token(Kind.TEXT, value.toString(), start + 1);
    }

    private void skipDigits() {
        while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
