package dev.parley.flow;

import dev.parley.flow.action.ActionNodes;
import dev.parley.flow.spi.ActionParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks flow files (YAML, or JSON, which is YAML too). Every problem is reported with
 * file, line and path, and all of them at once; a flow with an error is never built.
 *
 * <pre>{@code
 * FlowValidation result = FlowLoader.withBuiltInActions().validate(Path.of("flows/shop.yml"));
 * result.problems().forEach(System.out::println);   // flows/shop.yml:12: nodes.ask.next: unknown node 'lokup'; …
 * Flow flow = result.orElseThrow();
 * }</pre>
 */
public final class FlowLoader {

    /** The action nodes Parley has built in, whether or not the running server registers them all. */
    public static final Set<String> BUILT_IN_ACTIONS = ActionNodes.BUILT_IN_NAMES;

    private final Map<String, ActionParameters> actions;

    /**
     * A loader that accepts the action nodes named in {@code actions} (the built-ins and those of
     * plugins) and checks each action node's {@code with:} against the parameters of its action.
     */
    public FlowLoader(Map<String, ActionParameters> actions) {
        this.actions = Map.copyOf(actions);
    }

    /** A loader that accepts exactly the action nodes {@code actions} can run: its built-ins and plugins. */
    public static FlowLoader of(ActionNodes actions) {
        return new FlowLoader(actions.parameters());
    }

    /** A loader that knows the built-in actions only. */
    public static FlowLoader withBuiltInActions() {
        return new FlowLoader(ActionNodes.BUILT_IN_PARAMETERS);
    }

    /** This loader, also accepting the action nodes of {@code more}. */
    public FlowLoader withActions(Map<String, ActionParameters> more) {
        Map<String, ActionParameters> all = new HashMap<>(actions);
        all.putAll(more);
        return new FlowLoader(all);
    }

    /** The action names this loader accepts. */
    public Set<String> actions() {
        return actions.keySet();
    }

    /**
     * Checks the flow in {@code file}; problems name the file as given. A {@code jump:} to a file
     * is resolved next to {@code file} and must exist.
     */
    public FlowValidation validate(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            FlowProblem problem = new FlowProblem(source, 0, "", "cannot read the file: "
                    + FlowDirectory.describe(e), FlowProblem.Severity.ERROR);
            return FlowValidation.invalid(source, List.of(problem));
        }
        return validate(text, file);
    }

    /**
     * Checks {@code text}, read earlier from {@code file} (a version kept in the database): jumps and
     * {@code nlu.include} are resolved next to {@code file} as it is now.
     */
    public FlowValidation validate(String text, Path file) {
        return FlowParser.parse(text, file.toString(), actions, FlowDirectory.of(file, file.toString()));
    }

    /**
     * Checks the flow in {@code text}; {@code sourceName} names it in problems, and its ending
     * ({@code .json}) tells JSON. Jumps to flow files are not resolved and nothing can be included:
     * there is no directory.
     */
    public FlowValidation validate(String text, String sourceName) {
        return FlowParser.parse(text, sourceName, actions, FlowDirectory.none(sourceName));
    }

    /** The flow in {@code file}; throws {@link InvalidFlowException} listing its errors when it has any. */
    public Flow load(Path file) {
        return validate(file).orElseThrow();
    }
}
