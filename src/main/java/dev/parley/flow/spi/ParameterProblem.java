package dev.parley.flow.spi;

import java.util.Objects;

/**
 * Why a node's {@code with:} does not suit its action, found by {@link ActionParameters}.
 *
 * @param parameter the parameter the problem is about, as in {@code method}; empty for the
 *                  parameters as a whole (one that is missing)
 * @param message   the whole problem, naming the action, as in
 *                  {@code action 'http': method must be one of GET, POST, PUT, PATCH, DELETE, got 'FETCH'}
 */
public record ParameterProblem(String parameter, String message) {

    public ParameterProblem {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(message, "message");
    }
}
