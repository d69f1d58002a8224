package dev.parley.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Maximum throughput: every client sends its next message as soon as the reply to the previous one
 * arrived. Round trips that start after the warm-up and end inside the window are measured; failures
 * are counted whenever they happen, warm-up included. The warm-up lasts as long as {@code warmUp} blocks.
 */
final class ClosedLoop {
    /** A client whose round trips keep failing stops rather than hammer a broken target. */
    private static final int GIVE_UP_AFTER = 100;

    private ClosedLoop() {}

    static PhaseResult run(List<? extends RoundTripper> clients, Runnable warmUp, Duration window,
            List<WatchedProcess> watched) {
        PhaseStats stats = new PhaseStats();
        Window measured = new Window();
        Optional<CpuMeter.Use> cpu;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients.size(); i++) {
                RoundTripper client = clients.get(i);
                String prefix = "closed-" + i + "-";
                threads.execute(() -> loop(client, prefix, stats, measured));
            }
            warmUp.run();
            measured.from = System.nanoTime();
            CpuMeter meter = CpuMeter.start(watched);
            sleepUntil(measured.from + window.toNanos());
            cpu = meter.stop();
            measured.to = System.nanoTime();
        }
        return stats.result(window, cpu);
    }

    /** When measuring began and ended, in {@link System#nanoTime}; not yet while {@link Long#MAX_VALUE}. */
    private static final class Window {
        volatile long from = Long.MAX_VALUE;
        volatile long to = Long.MAX_VALUE;
    }

    /** Parks until {@link System#nanoTime} reaches {@code nanoTime}, or the thread is interrupted. */
    static void sleepUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0 && !Thread.currentThread().isInterrupted();
                wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void loop(RoundTripper client, String prefix, PhaseStats stats, Window measured) {
        int failedInARow = 0;
        for (long n = 0; failedInARow < GIVE_UP_AFTER; n++) {
            long start = System.nanoTime();
            if (start >= measured.to || Thread.currentThread().isInterrupted()) {
                return;
            }
            switch (client.roundTrip(prefix + n)) {
                case RoundTripper.Outcome.Replied r -> {
                    failedInARow = 0;
                    if (start >= measured.from && r.nanoTime() <= measured.to) {
                        stats.replied(r.nanoTime() - start);
                    }
                }
                case RoundTripper.Outcome.Failed f -> {
                    failedInARow++;
                    stats.failed(f.kind());
                }
            }
        }
        stats.failed("client stopped after " + GIVE_UP_AFTER + " failed round trips in a row");
    }
}
