package dev.parley.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed rate: message {@code k} is due at {@code start + k / rate} and goes to client {@code k mod n},
 * whether or not earlier replies have come. Latency counts from the due time, so a client that falls
 * behind shows up in the figures instead of lowering the load.
 */
final class OpenLoop {
    private OpenLoop() {}

    static PhaseResult run(List<? extends RoundTripper> clients, int rate, Duration window,
            List<WatchedProcess> watched) {
        PhaseStats stats = new PhaseStats();
        long total = Math.round(rate * (window.toNanos() / 1e9));
        double interval = 1e9 / rate;
        long start = System.nanoTime();
        CpuMeter meter = CpuMeter.start(watched);
        Optional<CpuMeter.Use> cpu;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long k = 0; k < total; k++) {
                long due = start + Math.round(k * interval);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                RoundTripper client = clients.get((int) (k % clients.size()));
                String body = "rate" + rate + "-" + k;
                threads.execute(() -> {
                    switch (client.roundTrip(body)) {
                        case RoundTripper.Outcome.Replied r -> stats.replied(r.nanoTime() - due);
                        case RoundTripper.Outcome.Failed f -> stats.failed(f.kind());
                    }
                });
            }
            cpu = meter.stop();
        }
        return stats.result(window, cpu);
    }
}
