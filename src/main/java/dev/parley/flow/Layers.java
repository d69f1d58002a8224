package dev.parley.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered layout: each node's row is its breadth-first distance from the start node, its
 * column the order in which it was reached; nodes no path reaches share a last row.
 */
final class Layers {

    /** Row and column of a node. */
    record Place(int row, int column) {
    }

    private Layers() {
    }

    static Map<String, Place> of(Flow flow, List<Edges.Edge> edges) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        edges.forEach(edge -> next.computeIfAbsent(edge.from(), from -> new ArrayList<>()).add(edge.to()));
        Map<String, Integer> rows = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>(List.of(flow.start()));
        rows.put(flow.start(), 0);
        while (!pending.isEmpty()) {
            String id = pending.poll();
            for (String to : next.getOrDefault(id, List.of())) {
                if (!rows.containsKey(to)) {
                    rows.put(to, rows.get(id) + 1);
                    pending.add(to);
                }
            }
        }
        int lastRow = rows.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        flow.nodes().keySet().forEach(id -> rows.putIfAbsent(id, lastRow));
        Map<Integer, Integer> columns = new LinkedHashMap<>();
        Map<String, Place> places = new LinkedHashMap<>();
        rows.forEach((id, row) -> places.put(id, new Place(row, columns.merge(row, 1, Integer::sum) - 1)));
        return places;
    }
}
