package dev.parley.flow;

import dev.parley.config.Suggestions;
import dev.parley.config.YamlNode;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The checks that need the whole file read: node references, variables, other flows, reachability. */
final class FlowChecks {

    private final ParseContext context;
    private final Map<String, YamlNode> written;
    private final Map<String, Integer> lines;

    /**
     * {@code written} holds every node id of the file with its YAML, whether or not the node could
     * be read; {@code lines} the line of each id.
     */
    FlowChecks(ParseContext context, Map<String, YamlNode> written, Map<String, Integer> lines) {
        this.context = context;
        this.written = written;
        this.lines = lines;
    }

    /** The start node's id, when {@code start} names a node; a problem otherwise. */
    Optional<String> start(YamlNode start) {
        String id = context.text(start);
        if (id.isBlank()) {
            return Optional.empty();
        }
        if (!written.containsKey(id)) {
            context.problems.error(start, "start names no node: '" + id + "'" + Suggestions.closest(id, written.keySet())
                    .map(match -> "; did you mean '" + match + "'?").orElse(" (start is the id of the first node)"));
            return Optional.empty();
        }
        return Optional.of(id);
    }

    void references(Predicate<String> flowFileExists) {
        for (ParseContext.Link link : context.links()) {
            if (!written.containsKey(link.target())) {
                context.problems.error(link.at(), "unknown node '" + link.target() + "'"
                        + Suggestions.closest(link.target(), written.keySet())
                        .map(match -> "; did you mean '" + match + "'?")
                        .orElse(": no node under nodes: has this id"));
            }
        }
        Scope scope = new Scope(context.definitions());
        for (ParseContext.Use use : context.uses()) {
            scope.problem(use.variable()).ifPresent(problem -> context.problems.error(use.at(), problem));
        }
        for (ParseContext.Link jump : context.jumps()) {
            if (!flowFileExists.test(jump.target())) {
                context.problems.error(jump.at(), "no flow file '" + jump.target() + "' next to this flow; the path is"
                        + " relative to this file");
            }
        }
    }

    /**
     * Warns about every node that no path from {@code start} (or from a global intent's node, which
     * any waiting node may lead to) reaches; meant for flows without errors.
     */
    void reachability(String start, Map<String, Node> nodes, Collection<String> globalTargets) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(start);
        pending.addAll(globalTargets);
        while (!pending.isEmpty()) {
            String id = pending.poll();
            if (reached.add(id) && nodes.containsKey(id)) {
                Edges.of(nodes.get(id)).forEach(edge -> pending.add(edge.to()));
            }
        }
        nodes.keySet().stream().filter(id -> !reached.contains(id)).forEach(id -> context.problems.warning(
                lines.getOrDefault(id, written.get(id).line()), written.get(id).path(), "unreachable: nothing leads"
                        + " here from the start node '" + start + "'; link it with next, an option or a route,"
                        + " or remove it"));
    }
}
