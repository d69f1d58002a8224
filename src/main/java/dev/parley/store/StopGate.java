package dev.parley.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Writes that callbacks make while a node runs (a socket's close handler marking a visitor away), and the node's
 * stop: once stopping, new such writes are skipped, and the stop waits for those under way before the database
 * closes, so none meets a closed database halfway.
 */
public final class StopGate {
    /** How long a stop waits for writes under way. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    /** Runs {@code write} now, unless the node is stopping; returns whether it ran. */
    public boolean run(Runnable write) {
        if (stopping || !writes.readLock().tryLock()) {
            return false;
        }
        try {
            if (stopping) {
                return false;
            }
            write.run();
            return true;
        } finally {
            writes.readLock().unlock();
        }
    }

    /** Turns later writes away and waits (up to {@link #WAIT}) for those under way. */
    public void stop() {
        stopping = true;
        try {
            writes.writeLock().tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
