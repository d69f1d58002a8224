package dev.parley.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow as a diagram: Mermaid text, or a self-contained SVG. Edges carry the option label,
 * outcome or condition they stand for; several edges between the same two nodes are drawn as one
 * with their labels joined. All text from the flow is escaped for the output format.
 */
public final class FlowGraph {

    /** An output format. */
    public enum Format { MERMAID, SVG }

    private final Flow flow;
    private final List<Edges.Edge> edges;

    private FlowGraph(Flow flow, List<Edges.Edge> edges) {
        this.flow = flow;
        this.edges = edges;
    }

    /** The diagram of {@code flow}. */
    public static FlowGraph of(Flow flow) {
        Map<List<String>, List<String>> labels = new LinkedHashMap<>();
        flow.nodes().values().forEach(node -> Edges.of(node).forEach(edge ->
                labels.computeIfAbsent(List.of(edge.from(), edge.to()), pair -> new ArrayList<>()).add(edge.label())));
        List<Edges.Edge> edges = new ArrayList<>();
        labels.forEach((pair, texts) -> edges.add(new Edges.Edge(pair.get(0), pair.get(1),
                String.join(", ", texts.stream().filter(text -> !text.isEmpty()).toList()))));
        return new FlowGraph(flow, List.copyOf(edges));
    }

    /** A Mermaid {@code flowchart TD}. */
    public String mermaid() {
        return MermaidWriter.write(flow, edges);
    }

    /** A standalone SVG document. */
    public String svg() {
        return SvgWriter.write(flow, edges);
    }

    /** The diagram in {@code format}. */
    public String render(Format format) {
        return switch (format) {
            case MERMAID -> mermaid();
            case SVG -> svg();
        };
    }
}
