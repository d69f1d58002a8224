package dev.parley.flow;

import dev.parley.flow.action.ActionNodes;
import dev.parley.flow.spi.ActionParameters;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
            FlowProblem problem = new FlowProblem(source, 0, "", "cannot read the file: " + describe(e),
                    FlowProblem.Severity.ERROR);
            return FlowValidation.invalid(source, List.of(problem));
        }
        Path directory = file.toAbsolutePath().getParent();
        return FlowParser.parse(text, source, actions, target -> Files.isRegularFile(directory.resolve(target)));
    }

    /**
     * Checks the flow in {@code text}; {@code sourceName} names it in problems, and its ending
     * ({@code .json}) tells JSON. Jumps to flow files are not resolved: there is no directory.
     */
    public FlowValidation validate(String text, String sourceName) {
        return FlowParser.parse(text, sourceName, actions, target -> true);
    }

    /** The flow in {@code file}; throws {@link InvalidFlowException} listing its errors when it has any. */
    public Flow load(Path file) {
        return validate(file).orElseThrow();
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            case MalformedInputException encoding -> "not UTF-8 text";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
