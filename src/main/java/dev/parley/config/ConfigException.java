package dev.parley.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A configuration file (or a value from the environment) is invalid.
 *
 * <p>The message has the form {@code file:line: path: detail}, for example
 * {@code parley.yml:12: bots[0].behavior: 'sometimes' is not one of service_time, backup,
 * human, firewall}. The line is left out when the problem has no position (an unreadable
 * file) and the path when it concerns no key (a YAML syntax error). Messages never contain
 * secret values.
 */
public final class ConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final String path;
    private final String detail;

    /**
     * @param file   name of the source, as shown to the user
     * @param line   1-based line of the offending key or value
     * @param path   dotted path of the offending key, such as {@code bots[0].webhook_url}; empty for none
     * @param detail what is wrong and what is expected
     */
    public ConfigException(String file, int line, String path, String detail) {
        this(file, line, path, detail, null);
    }

    /** A problem without a position in the file. */
    public ConfigException(String file, String path, String detail) {
        this(file, 0, path, detail, null);
    }

    /** A problem without a position in the file, caused by {@code cause}. */
    public ConfigException(String file, String path, String detail, Throwable cause) {
        this(file, 0, path, detail, cause);
    }

    private ConfigException(String file, int line, String path, String detail, Throwable cause) {
        super(format(file, line, path, detail), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = Math.max(line, 0);
        this.path = Objects.requireNonNull(path, "path");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    private static String format(String file, int line, String path, String detail) {
        StringBuilder message = new StringBuilder(file);
        if (line > 0) {
            message.append(':').append(line);
        }
        message.append(": ");
        if (path != null && !path.isEmpty()) {
            message.append(path).append(": ");
        }
        return message.append(detail).toString();
    }

    /** The name of the source the problem is in. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, when it has one. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The dotted path of the offending key, or an empty string when the problem concerns no key. */
    public String path() {
        return path;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }
}
