package dev.parley.limit;

import dev.parley.config.Rate;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A Bucket4j token bucket per key whose state lives in Redis, consumed with compare-and-swap. Requests of this node
 * on one key at the same time share one bucket proxy with Bucket4j's batching optimisation, which merges them into
 * one compare-and-swap: a key many requests use at once (contacts behind one address) would otherwise send Redis a
 * read and a failing swap per request and retry for each of them.
 */
final class RedisBucketLimiter implements Limiter {
    private final ProxyManager<String> buckets;
    private final String keyPrefix;
    private final BucketConfiguration configuration;
    /** The proxies of keys with requests under way on this node, each with how many requests use it. */
    private final ConcurrentHashMap<String, Shared> inUse = new ConcurrentHashMap<>();

    private record Shared(BucketProxy bucket, int users) {}

    RedisBucketLimiter(ProxyManager<String> buckets, String keyPrefix, Rate rate) {
        this.buckets = buckets;
        this.keyPrefix = keyPrefix;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(rate.count()).refillGreedy(rate.count(), rate.period()).build())
                .build();
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = withBucket(key, bucket -> bucket.tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    @Override
    public void refund(String key) {
        // addTokens never lifts a bucket above its capacity, so a refund cannot grant more than the rule allows
        withBucket(key, bucket -> {
            bucket.addTokens(1);
            return null;
        });
    }

    private <T> T withBucket(String key, Function<BucketProxy, T> use) {
        Shared shared = inUse.compute(key, (k, s) -> s == null
                ? new Shared(buckets.builder().withOptimization(Optimizations.batching()).build(keyPrefix + k,
                        () -> configuration), 1)
                : new Shared(s.bucket(), s.users() + 1));
        try {
            return use.apply(shared.bucket());
        } finally {
            inUse.computeIfPresent(key, (k, s) -> s.users() == 1 ? null : new Shared(s.bucket(), s.users() - 1));
        }
    }
}
