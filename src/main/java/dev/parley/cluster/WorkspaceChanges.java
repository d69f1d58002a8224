package dev.parley.cluster;

import dev.parley.routing.WorkspaceStore;
import java.nio.charset.StandardCharsets;

/**
 * Clears the cached workspace (groups, widgets, bots) of every node when an admin changes it on one:
 * the changing node publishes its id on a Redis channel, the others forget what they cached. A node whose
 * subscription comes back after Redis was away forgets its cache too: a change announced meanwhile missed it.
 */
public final class WorkspaceChanges {
    static final String CHANNEL = "workspace-changed";

    private WorkspaceChanges() {
    }

    public static void share(RedisConnection redis, WorkspaceStore workspace, String node) {
        byte[] self = node.getBytes(StandardCharsets.UTF_8);
        redis.subscribe(CHANNEL, from -> {
            if (!node.equals(new String(from, StandardCharsets.UTF_8))) {
                workspace.changedElsewhere();
            }
        }, workspace::changedElsewhere);
        workspace.announceChangesThrough(() -> redis.publish(CHANNEL, self));
    }
}
