package dev.parley.operator;

import dev.parley.config.BotConfig;
import dev.parley.config.GroupConfig;
import dev.parley.config.OperatorConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.config.WidgetConfig;
import dev.parley.routing.Group;
import dev.parley.routing.WorkspaceApplier;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs workspace changes one at a time on this node, so that a check ("is this e-mail taken?") and the
 * write it guards do not interleave with another change, and makes every change visible at once.
 * Objects are saved with the same upserts that apply {@code parley.yml}.
 */
final class AdminWrites {
    private final Database db;
    private final WorkspaceStore workspace;
    private final WorkspaceApplier applier;
    private final String publicBaseUrl;
    private final ReentrantLock lock = new ReentrantLock();

    AdminWrites(Database db, WorkspaceStore workspace, String publicBaseUrl) {
        this.db = db;
        this.workspace = workspace;
        this.applier = new WorkspaceApplier(db);
        this.publicBaseUrl = publicBaseUrl;
    }

    Database db() {
        return db;
    }

    WorkspaceStore workspace() {
        return workspace;
    }

    String publicBaseUrl() {
        return publicBaseUrl;
    }

    /** The ids of the workspace's groups, which operators, bots and widgets may name. */
    List<String> groupIds() {
        return db.read(h -> workspace.groups(h)).stream().map(Group::id).toList();
    }

    <T> T change(Supplier<T> checkAndWrite) {
        lock.lock();
        try {
            return checkAndWrite.get();
        } finally {
            workspace.changed();
            lock.unlock();
        }
    }

    void save(GroupConfig g) {
        apply(List.of(g), List.of(), List.of(), List.of());
    }

    void save(OperatorConfig o) {
        apply(List.of(), List.of(o), List.of(), List.of());
    }

    void save(BotConfig b) {
        apply(List.of(), List.of(), List.of(b), List.of());
    }

    void save(WidgetConfig w) {
        apply(List.of(), List.of(), List.of(), List.of(w));
    }

    private void apply(List<GroupConfig> g, List<OperatorConfig> o, List<BotConfig> b, List<WidgetConfig> w) {
        applier.save(new ParleyConfig(publicBaseUrl, g, List.of(), o, b, w, List.of(), Optional.empty()));
    }
}
