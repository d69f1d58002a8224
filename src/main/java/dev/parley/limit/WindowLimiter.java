package dev.parley.limit;

import dev.parley.config.Rate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code count} permits per key in any {@code period}, in memory (a true sliding window, e.g. the
 * Chatbot API's 20 requests per minute per cid): a token bucket would let twice the limit through in some
 * windows, which a documented limit does not allow.
 */
final class WindowLimiter implements Limiter {
    private static final int SWEEP_ABOVE = 100_000;

    private final long limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, ArrayDeque<Instant>> hits = new ConcurrentHashMap<>();

    WindowLimiter(Rate rate, Clock clock) {
        this.limit = rate.count();
        this.window = rate.period();
        this.clock = clock;
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        Optional<Duration>[] wait = new Optional[] {Optional.empty()};
        hits.compute(key, (k, q) -> {
            ArrayDeque<Instant> deque = q == null ? new ArrayDeque<>() : q;
            while (!deque.isEmpty() && !deque.peekFirst().isAfter(now.minus(window))) {
                deque.pollFirst();
            }
            if (deque.size() >= limit) {
                wait[0] = Optional.of(Duration.between(now, deque.peekFirst().plus(window)));
            } else {
                deque.addLast(now);
            }
            return deque;
        });
        if (hits.size() > SWEEP_ABOVE) {
            hits.keySet().forEach(k -> hits.computeIfPresent(k,
                    (kk, d) -> d.isEmpty() || !d.peekLast().isAfter(now.minus(window)) ? null : d));
        }
        return wait[0];
    }

    @Override
    public void refund(String key) {
        hits.computeIfPresent(key, (k, d) -> {
            d.pollLast();
            return d;
        });
    }
}
