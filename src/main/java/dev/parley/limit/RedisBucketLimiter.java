package dev.parley.limit;

import dev.parley.config.Rate;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Optional;

/** A Bucket4j token bucket per key whose state lives in Redis, consumed with compare-and-swap. */
final class RedisBucketLimiter implements Limiter {
    private final ProxyManager<String> buckets;
    private final String keyPrefix;
    private final BucketConfiguration configuration;

    RedisBucketLimiter(ProxyManager<String> buckets, String keyPrefix, Rate rate) {
        this.buckets = buckets;
        this.keyPrefix = keyPrefix;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(rate.count()).refillGreedy(rate.count(), rate.period()).build())
                .build();
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = buckets.getProxy(keyPrefix + key, () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    @Override
    public void refund(String key) {
        // addTokens never lifts a bucket above its capacity, so a refund cannot grant more than the rule allows
        buckets.getProxy(keyPrefix + key, () -> configuration).addTokens(1);
    }
}
