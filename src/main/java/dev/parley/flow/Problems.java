package dev.parley.flow;

import dev.parley.config.ConfigException;
import dev.parley.config.YamlNode;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Collects the problems of one flow file, so that all of them are reported, not just the first. */
final class Problems {

    private final String source;
    private final Set<FlowProblem> problems = new LinkedHashSet<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void error(YamlNode at, String message) {
        error(at.line(), at.path(), message);
    }

    void error(int line, String path, String message) {
        problems.add(new FlowProblem(source, line, path, message, FlowProblem.Severity.ERROR));
    }

    void warning(int line, String path, String message) {
        problems.add(new FlowProblem(source, line, path, message, FlowProblem.Severity.WARNING));
    }

    /** The problems found in a file this one includes, under that file's name. */
    void addAll(Problems included) {
        problems.addAll(included.problems);
    }

    void add(ConfigException e) {
        error(e.line().orElse(0), e.path(), e.detail());
    }

    /** The result of {@code reading}, or {@code fallback} after recording the problem it reported. */
    <T> T read(Supplier<T> reading, T fallback) {
        try {
            return reading.get();
        } catch (ConfigException e) {
            add(e);
            return fallback;
        }
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(FlowProblem::isError);
    }

    /** All problems by line; those on one line in the order found. */
    List<FlowProblem> sorted() {
        return problems.stream().sorted(Comparator.comparingInt(FlowProblem::line)).toList();
    }
}
