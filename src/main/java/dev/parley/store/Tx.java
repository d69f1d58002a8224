package dev.parley.store;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One write transaction: the handle to run SQL on, and effects to run only once it has committed
 * (waking outbox workers, pushing to live sockets) so nothing is announced that could still roll back.
 */
public final class Tx {
    private final Handle handle;
    private final List<Runnable> afterCommit = new ArrayList<>();

    Tx(Handle handle) {
        this.handle = handle;
    }

    public Handle handle() {
        return handle;
    }

    public void afterCommit(Runnable effect) {
        afterCommit.add(effect);
    }

    List<Runnable> committedEffects() {
        return afterCommit;
    }
}
