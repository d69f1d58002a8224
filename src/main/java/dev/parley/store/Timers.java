package dev.parley.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping the timers whose runs use the database, before it closes. */
public final class Timers {
    private Timers() {}

    /**
     * Starts no new run of {@code timer} and lets a run under way finish, for up to five seconds: interrupting it
     * would break its database connection, and closing the database under it would fail it noisily.
     */
    public static void stop(ExecutorService timer) {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
