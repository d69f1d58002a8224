package dev.parley.chatbot;

import dev.parley.error.ClientError;
import dev.parley.routing.Group;
import dev.parley.routing.Operator;
import dev.parley.routing.WorkspaceStore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Refuses forwards to what does not exist: a group that is not defined, a skill no operator has. Left
 * alone, such a forward would file the conversation under a group nobody works in, or wait in the
 * inbox for a skill nobody will ever have.
 */
final class ForwardTargets {
    private final WorkspaceStore workspace;

    ForwardTargets(WorkspaceStore workspace) {
        this.workspace = workspace;
    }

    /** Throws a {@link ClientError} naming the field under {@code at} when the target does not exist. */
    void check(Handle h, BotAction.Forward.Target target, String at) {
        switch (target) {
            case BotAction.Forward.Target.Any any -> { }
            case BotAction.Forward.Target.Group g -> {
                if (workspace.group(h, g.groupId()).isEmpty()) {
                    String path = at + "packet.payload.group_id";
                    throw ClientError.badRequest("unknown_group", path + ": no group with id '" + g.groupId()
                            + "'; known: " + String.join(", ", workspace.groups(h).stream().map(Group::id).toList()),
                            path);
                }
            }
            case BotAction.Forward.Target.Skills s -> {
                Set<String> known = new TreeSet<>();
                workspace.operators(h).stream().map(Operator::skills).forEach(known::addAll);
                List<String> skills = s.skills();
                for (int i = 0; i < skills.size(); i++) {
                    if (!known.contains(skills.get(i))) {
                        String path = at + "packet.payload.skills[" + i + "]";
                        throw ClientError.badRequest("unknown_skill", path + ": no operator has the skill '"
                                + skills.get(i) + "'; operators' skills: " + (known.isEmpty() ? "none"
                                : String.join(", ", known)), path);
                    }
                }
            }
        }
    }
}
