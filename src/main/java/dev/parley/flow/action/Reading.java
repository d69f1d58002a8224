package dev.parley.flow.action;

import dev.parley.flow.action.Params.ParamException;
import dev.parley.flow.spi.ParameterRule;
import java.util.Optional;

/**
 * Reads one parameter of a built-in action into what the action uses, or throws {@link ParamException}
 * naming the rule the value breaks. The same reading is the parameter's {@link ParameterRule}, checked
 * when a flow loads and before each run, so the rule and the use of a value cannot drift apart.
 */
@FunctionalInterface
interface Reading<T> {

    T read(Object value);

    /** Why {@code value} cannot be read, or empty when it can. */
    default Optional<String> problem(Object value) {
        try {
            read(value);
            return Optional.empty();
        } catch (ParamException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** This reading as the rule of its parameter. */
    default ParameterRule rule() {
        return this::problem;
    }
}
