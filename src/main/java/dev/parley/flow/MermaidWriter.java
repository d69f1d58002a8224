package dev.parley.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a flow as a Mermaid {@code flowchart TD}. Node ids become {@code n1, n2…} (flow ids
 * could clash with Mermaid keywords such as {@code end}); every text is quoted, and every
 * character but letters, digits and plain punctuation is written as a Mermaid entity
 * ({@code #60;}), so no label can break out of its quotes or inject markup.
 */
final class MermaidWriter {

    private static final int LABEL_MAX = 48;

    private MermaidWriter() {
    }

    static String write(Flow flow, List<Edges.Edge> edges) {
        Map<String, String> ids = new HashMap<>();
        StringBuilder out = new StringBuilder("flowchart TD\n");
        int counter = 0;
        for (Node node : flow.nodes().values()) {
            ids.put(node.id(), "n" + (++counter));
        }
        out.append("    start_((\"start\")) --> ").append(ids.get(flow.start())).append('\n');
        for (Node node : flow.nodes().values()) {
            String label = text(node.id()) + "<br/>" + text(NodeLabels.shorten(NodeLabels.summary(node), LABEL_MAX));
            out.append("    ").append(ids.get(node.id())).append(shape(NodeLabels.kind(node), label)).append('\n');
        }
        for (Edges.Edge edge : edges) {
            out.append("    ").append(ids.get(edge.from())).append(" -->");
            if (!edge.label().isEmpty()) {
                out.append("|\"").append(text(NodeLabels.shorten(edge.label(), LABEL_MAX))).append("\"|");
            }
            out.append(' ').append(ids.get(edge.to())).append('\n');
        }
        return out.toString();
    }

    private static String shape(NodeKind kind, String label) {
        String quoted = "\"" + label + "\"";
        return switch (kind) {
            case BRANCH -> "{" + quoted + "}";
            case ACTION -> "[[" + quoted + "]]";
            case FORWARD, END, ABORT, JUMP -> "([" + quoted + "])";
            case SAY, CHOICES, ASK, SET, CONTACT_UPDATE, CONVERSATION_UPDATE, NOTE, DELAY -> "[" + quoted + "]";
        };
    }

    /** {@code text} safe inside a quoted Mermaid label. */
    static String text(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || " .,:_-'?!/→".indexOf(c) >= 0) {
                out.appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.append('#').append(c).append(';');
            }
        });
        return out.toString();
    }
}
