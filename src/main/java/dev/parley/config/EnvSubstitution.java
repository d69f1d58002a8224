package dev.parley.config;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in a scalar with values from the
 * environment; {@code $${} stands for a literal {@code ${}. As in the shell, the default
 * applies when the variable is unset or empty. A reference to an unset variable without a
 * default is an error naming the variable (never its value).
 */
final class EnvSubstitution implements UnaryOperator<String> {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> env;

    EnvSubstitution(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf("${", at);
            if (start < 0) {
                out.append(text, at, text.length());
                break;
            }
            if (start > 0 && text.charAt(start - 1) == '$') {
                out.append(text, at, start - 1).append("${");
                at = start + 2;
                continue;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated variable reference (missing '}')");
            }
            out.append(text, at, start).append(resolve(text.substring(start + 2, end)));
            at = end + 1;
        }
        return out.toString();
    }

    private String resolve(String reference) {
        int separator = reference.indexOf(":-");
        String name = separator < 0 ? reference : reference.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'${" + name + "}' is not a valid variable reference"
                    + " (write ${NAME} or ${NAME:-default})");
        }
        String value = env.get(name);
        if (separator >= 0) {
            return value == null || value.isEmpty() ? reference.substring(separator + 2) : value;
        }
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + " is not set"
                    + " (write ${" + name + ":-default} to give a default)");
        }
        return value;
    }
}
