package dev.parley.bench;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Undoes something a benchmark set up outside its own process (a database on the server, a node's process) also
 * when the benchmark is stopped before it could (Ctrl-C, {@code SIGTERM}): the undoing runs once, when {@link #now}
 * is called or when the JVM shuts down, whichever comes first.
 */
final class UndoneOnExit {
    private final String what;
    private final Runnable undo;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;

    /** Registers {@code undo}; {@code what} names it in the one line printed should it fail at exit. */
    UndoneOnExit(String what, Runnable undo) {
        this.what = what;
        this.undo = undo;
        this.hook = Thread.ofPlatform().name("bench-exit").unstarted(this::atExit);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Undoes it now, unless that has already begun. */
    void now() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) too; whichever comes first undoes it
        }
        if (done.compareAndSet(false, true)) {
            undo.run();
        }
    }

    private void atExit() {
        if (done.compareAndSet(false, true)) {
            try {
                undo.run();
            } catch (RuntimeException e) {
                System.err.println("parley bench: stopping, could not remove " + what + ": " + e.getMessage());
            }
        }
    }
}
