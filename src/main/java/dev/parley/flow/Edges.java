package dev.parley.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ways out of each node, for reachability and for drawing. */
final class Edges {

    /** From node {@code from} to node {@code to}; {@code label} is the option, outcome or condition, or empty. */
    record Edge(String from, String to, String label) {
    }

    private Edges() {
    }

    static List<Edge> of(Node node) {
        List<Edge> edges = new ArrayList<>();
        String from = node.id();
        switch (node) {
            case Node.Say say -> edges.add(new Edge(from, say.next(), ""));
            case Node.Choices choices -> {
                choices.options().forEach(option -> edges.add(new Edge(from, option.next(), option.label())));
                add(edges, from, choices.onNoMatch(), "no match");
                choices.intents().forEach((intent, to) -> edges.add(new Edge(from, to, "intent " + intent)));
            }
            case Node.Ask ask -> {
                edges.add(new Edge(from, ask.next(), ""));
                add(edges, from, ask.retry().map(AnswerCheck.Retry::onInvalid), "invalid");
                ask.intents().forEach((intent, to) -> edges.add(new Edge(from, to, "intent " + intent)));
                add(edges, from, ask.noMatch(), "no match");
            }
            case Node.Action action -> action.routes().forEach((outcome, to) -> edges.add(new Edge(from, to, outcome)));
            case Node.Branch branch -> {
                branch.cases().forEach(c -> edges.add(new Edge(from, c.next(), c.source())));
                edges.add(new Edge(from, branch.otherwise(), "else"));
            }
            case Node.SetVariables set -> edges.add(new Edge(from, set.next(), ""));
            case Node.ContactUpdate update -> edges.add(new Edge(from, update.next(), ""));
            case Node.ConversationUpdate update -> edges.add(new Edge(from, update.next(), ""));
            case Node.Note note -> edges.add(new Edge(from, note.next(), ""));
            case Node.Delay delay -> edges.add(new Edge(from, delay.next(), ""));
            case Node.Forward forward -> add(edges, from, forward.onFailed(), "forward_failed");
            case Node.End end -> { }
            case Node.Abort abort -> { }
            case Node.Jump jump -> { }
        }
        return edges;
    }

    private static void add(List<Edge> edges, String from, Optional<String> to, String label) {
        to.ifPresent(target -> edges.add(new Edge(from, target, label)));
    }
}
