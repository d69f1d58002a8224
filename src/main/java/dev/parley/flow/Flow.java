package dev.parley.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated conversation flow, as loaded by {@link FlowLoader}: every node id it refers to
 * exists, every template and condition parsed, every action known.
 *
 * @param id        the flow's id ({@code id:})
 * @param name      a human name ({@code name:}, else the id)
 * @param start     the id of the first node
 * @param nodes     the nodes by id, in file order
 * @param variables variables the flow expects to be given from outside ({@code variables:})
 * @param source    the file (or other source) it was loaded from, as named in messages
 * @param nlu       its intents, global intents and entities ({@code nlu:})
 */
public record Flow(String id, String name, String start, Map<String, Node> nodes, Set<String> variables,
                   String source, FlowNlu nlu) {

    /** A flow without an {@code nlu:} block. */
    public Flow(String id, String name, String start, Map<String, Node> nodes, Set<String> variables, String source) {
        this(id, name, start, nodes, variables, source, FlowNlu.none());
    }

    public Flow {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        variables = Set.copyOf(variables);
        if (!nodes.containsKey(start)) {
            throw new IllegalArgumentException("start node '" + start + "' is not a node of flow '" + id + "'");
        }
    }

    /** The node with {@code id}. */
    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The first node. */
    public Node startNode() {
        return nodes.get(start);
    }
}
