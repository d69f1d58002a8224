package dev.parley.flow.engine;

import dev.parley.flow.spi.ActionLog;
import java.util.List;

/** Lines a flow step writes into the conversation's timeline, for admins. */
public final class FlowLog {

    private FlowLog() {
    }

    /** One line, from the node that wrote it. */
    public record Line(String node, String level, String message) {
        static Line info(String node, String message) {
            return new Line(node, "info", message);
        }

        static Line warn(String node, String message) {
            return new Line(node, "warn", message);
        }
    }

    /**
     * The {@link ActionLog} an action node gets: collects its lines (at most a few, each cut to a
     * sane length) until {@link #close()}; an abandoned action writing later is ignored.
     */
    static final class Collector implements ActionLog {
        private static final int MAX_LINES = 20;
        private static final int MAX_LENGTH = 1000;
        private final String node;
        private final List<Line> lines = new java.util.ArrayList<>();
        private boolean closed;

        Collector(String node) {
            this.node = node;
        }

        /** The lines written so far; later ones are dropped. */
        synchronized List<Line> close() {
            closed = true;
            return List.copyOf(lines);
        }

        @Override
        public synchronized void info(String message) {
            add(Line.info(node, cut(message)));
        }

        @Override
        public synchronized void warn(String message) {
            add(Line.warn(node, cut(message)));
        }

        private void add(Line line) {
            if (!closed && lines.size() < MAX_LINES) {
                lines.add(line);
            }
        }

        private static String cut(String message) {
            String text = String.valueOf(message);
            return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
        }
    }
}
