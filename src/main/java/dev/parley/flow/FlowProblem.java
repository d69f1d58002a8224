package dev.parley.flow;

import java.util.Objects;

/**
 * One thing wrong with a flow file, printed as {@code file:line: path: message}.
 *
 * @param file     the source, as named to the user
 * @param line     1-based line, or 0 when the problem has no position (an unreadable file)
 * @param path     dotted path of the offending key, such as {@code nodes.ask.validate}; empty for none
 * @param message  what is wrong and what to do about it
 * @param severity an error refuses the flow; a warning does not
 */
public record FlowProblem(String file, int line, String path, String message, Severity severity) {

    /** How serious a problem is. */
    public enum Severity { ERROR, WARNING }

    public FlowProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        line = Math.max(line, 0);
    }

    /** True for an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: path: message}, with {@code warning: } before the message of a warning. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        if (severity == Severity.WARNING) {
            text.append("warning: ");
        }
        return text.append(message).toString();
    }
}
