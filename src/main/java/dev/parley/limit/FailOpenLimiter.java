package dev.parley.limit;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared limiter that lets requests through while its store does not answer: Redis holds no durable
 * state, so an outage must not turn every limited request into an error. The node reports itself unready
 * meanwhile ({@code /health/ready}), and the limits hold again as soon as Lettuce has reconnected.
 */
final class FailOpenLimiter implements Limiter {
    private static final Logger LOG = LoggerFactory.getLogger(FailOpenLimiter.class);

    private final String rule;
    private final Limiter shared;

    FailOpenLimiter(String rule, Limiter shared) {
        this.rule = rule;
        this.shared = shared;
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        try {
            return shared.tryAcquire(key);
        } catch (RuntimeException e) {
            // Lettuce and Bucket4j report an unreachable or timed-out Redis with several unchecked types
            LOG.warn("Rate limit {} not checked: Redis did not answer ({})", rule, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void refund(String key) {
        try {
            shared.refund(key);
        } catch (RuntimeException e) {
            LOG.warn("Rate limit {} not refunded: Redis did not answer ({})", rule, e.getClass().getSimpleName());
        }
    }
}
