package dev.parley.flow.spi;

import dev.parley.config.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code with:} parameters an action node takes: their names, which ones a flow must give, and
 * the rule each value follows. Parley checks every action node of a flow against them when the flow
 * loads, reporting each problem with file and line, and again before every run with the templates
 * rendered: {@link ActionNode#run} only sees parameters that pass.
 *
 * <pre>{@code
 * ActionParameters.of(
 *         ActionParameter.required("city", ParameterRule.text()),
 *         ActionParameter.optional("days_ahead", ParameterRule.wholeNumber(0, Long.MAX_VALUE)),
 *         ActionParameter.optional("unit", ParameterRule.oneOf("c", "f")));
 * }</pre>
 *
 * Problems read {@code action 'example.weather' has no parameter 'citty' (did you mean 'city'?)},
 * {@code action 'example.weather' needs parameter 'city'} and
 * {@code action 'example.weather': unit must be one of c, f, got 'k'}.
 */
public final class ActionParameters {
    private static final ActionParameters ANY = new ActionParameters(Map.of(), true, List.of(), false);

    private final Map<String, ActionParameter> parameters;
    private final boolean othersAllowed;
    private final List<List<String>> alternatives;
    private final boolean keepsTypes;

    private ActionParameters(Map<String, ActionParameter> parameters, boolean othersAllowed,
            List<List<String>> alternatives, boolean keepsTypes) {
        this.parameters = parameters;
        this.othersAllowed = othersAllowed;
        this.alternatives = alternatives;
        this.keepsTypes = keepsTypes;
    }

    /** Exactly these parameters; any other name is a problem. */
    public static ActionParameters of(ActionParameter... parameters) {
        Map<String, ActionParameter> byName = new LinkedHashMap<>();
        for (ActionParameter parameter : parameters) {
            if (byName.put(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("parameter '" + parameter.name() + "' is declared twice");
            }
        }
        return new ActionParameters(Collections.unmodifiableMap(byName), false, List.of(), false);
    }

    /** Whatever a flow gives, unchecked: what an action node takes unless it declares its parameters. */
    public static ActionParameters any() {
        return ANY;
    }

    /** These parameters, and others too, which are passed on unchecked. */
    public ActionParameters allowingOthers() {
        return new ActionParameters(parameters, true, alternatives, keepsTypes);
    }

    /**
     * These parameters, whose YAML booleans and numbers reach the action as booleans and numbers
     * ({@code vip: true}, {@code quantity: 1}) instead of text; a template that is one placeholder keeps
     * its value's type either way.
     */
    public ActionParameters keepingTypes() {
        return new ActionParameters(parameters, othersAllowed, alternatives, true);
    }

    /** Whether YAML booleans and numbers of {@code with:} keep their type. */
    public boolean keepsTypes() {
        return keepsTypes;
    }

    /** These parameters, of which a flow must give at least one of {@code names} (each declared here). */
    public ActionParameters needingOneOf(String... names) {
        List<String> group = List.of(names);
        group.stream().filter(name -> !parameters.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("parameter '" + name + "' is not declared");
        });
        List<List<String>> more = new ArrayList<>(alternatives);
        more.add(group);
        return new ActionParameters(parameters, othersAllowed, List.copyOf(more), keepsTypes);
    }

    /** The declared parameters, in the order given. */
    public List<ActionParameter> parameters() {
        return List.copyOf(parameters.values());
    }

    /**
     * The problems of {@code params} as {@code action} gets them to run, templates rendered; empty when
     * they suit it. Parley calls this before every run.
     */
    public List<ParameterProblem> check(String action, Map<String, ?> params) {
        Map<String, WrittenValue> literal = new LinkedHashMap<>();
        params.forEach((name, value) -> literal.put(name, new WrittenValue.Literal(value)));
        return checkWritten(action, literal);
    }

    /**
     * The problems of {@code params} as a flow file writes them for {@code action}: what is knowable
     * before it runs. Parley calls this when a flow loads.
     */
    public List<ParameterProblem> checkWritten(String action, Map<String, WrittenValue> params) {
        List<ParameterProblem> problems = new ArrayList<>();
        if (!othersAllowed) {
            params.keySet().stream().filter(name -> !parameters.containsKey(name)).forEach(name -> problems.add(
                    new ParameterProblem(name, "action '" + action + "' has no parameter '" + name + "'"
                            + hint(name))));
        }
        for (ActionParameter parameter : parameters.values()) {
            WrittenValue value = params.get(parameter.name());
            if (value == null) {
                if (parameter.required()) {
                    problems.add(new ParameterProblem("", "action '" + action + "' needs parameter '"
                            + parameter.name() + "'" + misspelt(parameter.name(), params.keySet())));
                }
                continue;
            }
            problem(parameter, value).ifPresent(detail -> problems.add(new ParameterProblem(parameter.name(),
                    "action '" + action + "': " + parameter.name() + " " + detail)));
        }
        for (List<String> group : alternatives) {
            if (group.stream().noneMatch(name -> params.containsKey(name) && !isEmpty(params.get(name)))) {
                problems.add(new ParameterProblem("", "action '" + action + "' needs one of the parameters "
                        + String.join(", ", group)));
            }
        }
        return problems;
    }

    private static Optional<String> problem(ActionParameter parameter, WrittenValue value) {
        if (isEmpty(value)) {
            return parameter.required() ? Optional.of("must not be empty") : Optional.empty();
        }
        return switch (value) {
            case WrittenValue.Literal literal -> parameter.rule().check(literal.value());
            case WrittenValue.TextTemplate text -> parameter.rule().checkStart(text.start());
            case WrittenValue.Unknown unknown -> Optional.empty();
        };
    }

    /** False for null and blank text, which count as leaving a parameter out (and are refused for a required one). */
    public static boolean isGiven(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
    }

    private static boolean isEmpty(WrittenValue value) {
        return value instanceof WrittenValue.Literal literal && !isGiven(literal.value());
    }

    /** For an action that passes other parameters on, a given one that looks like a missing one misspelt. */
    private String misspelt(String missing, Set<String> given) {
        if (!othersAllowed) {
            return "";
        }
        List<String> others = given.stream().filter(name -> !parameters.containsKey(name)).toList();
        return Suggestions.closest(missing, others).map(name -> " (is '" + name + "' meant to be '" + missing + "'?)")
                .orElse("");
    }

    private String hint(String name) {
        return Suggestions.closest(name, parameters.keySet()).map(match -> " (did you mean '" + match + "'?)")
                .orElseGet(() -> parameters.isEmpty() ? " (it takes none)"
                        : " (it takes " + String.join(", ", parameters.keySet()) + ")");
    }
}
