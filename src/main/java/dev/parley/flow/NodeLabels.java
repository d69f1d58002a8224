package dev.parley.flow;

import java.util.Optional;

/** Short descriptions of nodes for diagrams. */
final class NodeLabels {

    private NodeLabels() {
    }

    static NodeKind kind(Node node) {
        return switch (node) {
            case Node.Say say -> NodeKind.SAY;
            case Node.Choices choices -> NodeKind.CHOICES;
            case Node.Ask ask -> NodeKind.ASK;
            case Node.Action action -> NodeKind.ACTION;
            case Node.Branch branch -> NodeKind.BRANCH;
            case Node.SetVariables set -> NodeKind.SET;
            case Node.ContactUpdate update -> NodeKind.CONTACT_UPDATE;
            case Node.ConversationUpdate update -> NodeKind.CONVERSATION_UPDATE;
            case Node.Note note -> NodeKind.NOTE;
            case Node.Delay delay -> NodeKind.DELAY;
            case Node.Forward forward -> NodeKind.FORWARD;
            case Node.End end -> NodeKind.END;
            case Node.Abort abort -> NodeKind.ABORT;
            case Node.Jump jump -> NodeKind.JUMP;
        };
    }

    /** What the node does, in a few words, such as {@code action: http} or {@code ask → order_id}. */
    static String summary(Node node) {
        return switch (node) {
            case Node.Say say -> "say: " + text(Optional.of(say.message()));
            case Node.Choices choices -> choices.rendering().eventName() + ": " + text(Optional.of(choices.say()));
            case Node.Ask ask -> "ask → " + (ask.entities().isEmpty() ? ask.save()
                    : String.join(", ", ask.entities().keySet()));
            case Node.Action action -> "action: " + action.action();
            case Node.Branch branch -> "if: " + branch.cases().size() + (branch.cases().size() == 1 ? " case"
                    : " cases");
            case Node.SetVariables set -> "set: " + String.join(", ", set.values().keySet());
            case Node.ContactUpdate update -> "contact_update: " + String.join(", ", update.fields().keySet());
            case Node.ConversationUpdate update ->
                    "conversation_update: " + String.join(", ", update.fields().keySet());
            case Node.Note note -> "note: " + note.text().source();
            case Node.Delay delay -> "delay: " + delay.seconds() + " s";
            case Node.Forward forward -> "forward: " + target(forward.target());
            case Node.End end -> said("end", end.say());
            case Node.Abort abort -> said("abort", abort.say());
            case Node.Jump jump -> "jump: " + jump.flow();
        };
    }

    private static String said(String kind, Optional<Message> say) {
        return say.isEmpty() ? kind : kind + ": " + text(say);
    }

    private static String text(Optional<Message> message) {
        return message.map(m -> m.text().map(Template::source)
                .orElse(m.media().isPresent() ? "(media)" : "(buttons)")).orElse("");
    }

    private static String target(ForwardTarget target) {
        return switch (target) {
            case ForwardTarget.Group group -> "group " + group.group();
            case ForwardTarget.Skills skills -> "skills " + String.join(", ", skills.skills());
            case ForwardTarget.Any any -> "any operator";
        };
    }

    /** {@code text} on one line and at most {@code max} characters, cut with an ellipsis. */
    static String shorten(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
