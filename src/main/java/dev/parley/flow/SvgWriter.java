package dev.parley.flow;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a flow as a standalone SVG: a box per node on the rows of {@link Layers}, arrows for
 * edges (curving round the right side when they go back up), each label beside its line rather than on it. Every text from the flow is
 * XML-escaped, so a hostile label stays text wherever the SVG is shown.
 */
final class SvgWriter {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 54;
    private static final int GAP_X = 60;
    private static final int GAP_Y = 70;
    private static final int MARGIN = 30;
    private static final int RIGHT_ROOM = 200;
    private static final int TEXT_MAX = 28;
    private static final int LABEL_GAP = 6;
    private static final String STYLE = """
            .node rect { fill: #f5f7fa; stroke: #5b6b7f; stroke-width: 1.2; }
            .node.start rect { stroke: #1f6feb; stroke-width: 2.5; }
            .kind-choices rect, .kind-ask rect { fill: #eef6ff; }
            .kind-action rect { fill: #fff6e5; }
            .kind-if rect { fill: #f3eefe; }
            .kind-end rect, .kind-abort rect, .kind-forward rect, .kind-jump rect { fill: #eaf7ee; }
            .id { font-weight: bold; }
            .edge { fill: none; stroke: #5b6b7f; stroke-width: 1.2; }
            .edge-label { fill: #333; font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
            """;

    private SvgWriter() {
    }

    static String write(Flow flow, List<Edges.Edge> edges) {
        Map<String, Layers.Place> places = Layers.of(flow, edges);
        int rows = places.values().stream().mapToInt(Layers.Place::row).max().orElse(0) + 1;
        int columns = places.values().stream().mapToInt(Layers.Place::column).max().orElse(0) + 1;
        int width = 2 * MARGIN + columns * (WIDTH + GAP_X) - GAP_X + RIGHT_ROOM;
        int height = 2 * MARGIN + rows * (HEIGHT + GAP_Y) - GAP_Y;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n")
                .append("<title>").append(xml("Flow " + flow.name())).append("</title>\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
                .append(" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5b6b7f\"/>")
                .append("</marker></defs>\n<style>\n").append(STYLE).append("</style>\n");
        double lane = width - RIGHT_ROOM + GAP_X / 2.0;
        edges.forEach(edge -> out.append("<path class=\"edge\" marker-end=\"url(#arrow)\" d=\"")
                .append(route(places, edge, lane).path()).append("\"/>\n"));
        flow.nodes().values().forEach(node -> node(out, node, places.get(node.id()), node.id().equals(flow.start())));
        // Labels last, so that no box hides them.
        edges.stream().filter(edge -> !edge.label().isEmpty()).forEach(edge -> {
            Route route = route(places, edge, lane);
            out.append("<text class=\"edge-label\" x=\"").append(n(route.labelX())).append("\" y=\"")
                    .append(n(route.labelY())).append(route.centred() ? "\" text-anchor=\"middle\">" : "\">")
                    .append(xml(NodeLabels.shorten(edge.label(), TEXT_MAX)))
                    .append("</text>\n");
        });
        return out.append("</svg>\n").toString();
    }

    private static void node(StringBuilder out, Node node, Layers.Place place, boolean start) {
        int x = x(place);
        int y = y(place);
        String summary = NodeLabels.summary(node);
        out.append("<g class=\"node kind-").append(NodeLabels.kind(node).key().replace('_', '-'))
                .append(start ? " start" : "").append("\" data-node=\"").append(xml(node.id())).append("\">")
                .append("<title>").append(xml(node.id() + ": " + summary)).append("</title>")
                .append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" rx=\"6\"/>")
                .append("<text class=\"id\" x=\"").append(x + 10).append("\" y=\"").append(y + 21).append("\">")
                .append(xml(NodeLabels.shorten(node.id(), TEXT_MAX))).append("</text>")
                .append("<text x=\"").append(x + 10).append("\" y=\"").append(y + 40).append("\">")
                .append(xml(NodeLabels.shorten(summary, TEXT_MAX))).append("</text></g>\n");
    }

    private static Route route(Map<String, Layers.Place> places, Edges.Edge edge, double lane) {
        return Route.between(places.get(edge.from()), places.get(edge.to()), lane);
    }

    /** The SVG path of an edge and where its label goes. */
    private record Route(String path, double labelX, double labelY, boolean centred) {

        /**
         * A curve down from the bottom of {@code from} to the top of {@code to}; a line between
         * neighbours in a row; right-angled lines through the gap below the row to a farther box
         * of the same row; for an edge going up (or back to its own node) right-angled lines
         * through the gaps between rows and up the {@code lane} right of all boxes.
         */
        static Route between(Layers.Place from, Layers.Place to, double lane) {
            if (to.row() > from.row()) {
                double x1 = x(from) + WIDTH / 2.0;
                double y1 = y(from) + HEIGHT;
                double x2 = x(to) + WIDTH / 2.0;
                double y2 = y(to);
                double bend = GAP_Y / 2.0;
                // The label starts just right of where the edge comes down into its target: the curve is
                // vertical there, so the line stays off the text, and labels of a fan-out part.
                return new Route("M" + n(x1) + "," + n(y1) + " C" + n(x1) + "," + n(y1 + bend) + " " + n(x2) + ","
                        + n(y2 - bend) + " " + n(x2) + "," + n(y2), x2 + LABEL_GAP, y2 - 2 * LABEL_GAP, false);
            }
            if (to.row() == from.row() && Math.abs(to.column() - from.column()) == 1) {
                boolean rightwards = to.column() > from.column();
                double x1 = rightwards ? x(from) + WIDTH : x(from);
                double x2 = rightwards ? x(to) : x(to) + WIDTH;
                double y = y(from) + HEIGHT / 2.0;
                return new Route("M" + n(x1) + "," + n(y) + " L" + n(x2) + "," + n(y), (x1 + x2) / 2, y - 5, true);
            }
            double below = y(from) + HEIGHT + GAP_Y / 2.0;
            if (to.row() == from.row() && !to.equals(from)) {
                double x1 = x(from) + WIDTH / 4.0;
                double x2 = x(to) + WIDTH / 4.0;
                return new Route("M" + n(x1) + "," + n(y(from) + HEIGHT) + " V" + n(below) + " H" + n(x2) + " V"
                        + n(y(to) + HEIGHT), (x1 + x2) / 2, below - 4, true);
            }
            double x1 = x(from) + WIDTH;
            double y1 = y(from) + HEIGHT / 2.0;
            double above = y(to) - GAP_Y / 2.0;
            double x2 = x(to) + WIDTH * 0.75;
            return new Route("M" + n(x1) + "," + n(y1) + " H" + n(x1 + GAP_X / 2.0) + " V" + n(below) + " H" + n(lane)
                    + " V" + n(above) + " H" + n(x2) + " V" + n(y(to)), lane + 4, (below + above) / 2, false);
        }
    }

    private static int x(Layers.Place place) {
        return MARGIN + place.column() * (WIDTH + GAP_X);
    }

    private static int y(Layers.Place place) {
        return MARGIN + place.row() * (HEIGHT + GAP_Y);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code text} as XML character data or attribute value; control characters XML cannot hold become spaces. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(' ');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
