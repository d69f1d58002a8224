package dev.parley.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in any {@code window} (a true sliding window, e.g. the
 * Chatbot API's 20 requests per minute per cid): a token bucket would let twice the limit through
 * in some windows, which a documented limit does not allow.
 */
public final class SlidingWindowLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, ArrayDeque<Instant>> hits = new ConcurrentHashMap<>();

    public SlidingWindowLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a request; returns how long to wait when it is over the limit (and then it is not counted). */
    public Optional<Duration> acquire(String cid) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        Optional<Duration>[] wait = new Optional[] {Optional.empty()};
        hits.compute(cid, (k, q) -> {
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
        if (hits.size() > 100_000) {
            hits.keySet().forEach(k -> hits.computeIfPresent(k,
                    (key, d) -> d.isEmpty() || !d.peekLast().isAfter(now.minus(window)) ? null : d));
        }
        return wait[0];
    }
}
