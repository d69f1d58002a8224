package dev.parley.flow.spi;

import java.util.Objects;

/**
 * One {@code with:} parameter of an action node: its name, whether a flow must give it, and the rule
 * its value follows. Part of {@link ActionParameters}.
 *
 * @param name     the key flows write under {@code with:}
 * @param required true when a flow must give it, and not empty
 * @param rule     what its value must be
 */
public record ActionParameter(String name, boolean required, ParameterRule rule) {

    public ActionParameter {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a parameter's name is not blank");
        }
        Objects.requireNonNull(rule, "rule");
    }

    /** A parameter a flow must give. */
    public static ActionParameter required(String name, ParameterRule rule) {
        return new ActionParameter(name, true, rule);
    }

    /** A parameter a flow may leave out (or leave empty). */
    public static ActionParameter optional(String name, ParameterRule rule) {
        return new ActionParameter(name, false, rule);
    }
}
