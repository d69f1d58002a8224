package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.Rate;
import dev.parley.limit.Limiter;
import dev.parley.limit.Limiters;
import dev.parley.limit.RedisLimiters;
import dev.parley.testing.MutableClock;
import dev.parley.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Redis limits keep the rules of the in-process ones, and two connections (two nodes) share them. */
class RedisLimitsTest {
    final MutableClock clock = new MutableClock();
    final RedisSettings settings = new RedisSettings("redis://127.0.0.1:6379",
            "parley-test-" + UUID.randomUUID() + ":");
    final RedisConnection first = RedisConnection.open(settings);
    final RedisConnection second = RedisConnection.open(settings);
    final Limiters nodeA = new RedisLimiters(first, clock);
    final Limiters nodeB = new RedisLimiters(second, clock);

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void aWindowAllowsTheCountInAnyPeriodAcrossNodesAndNeverTwiceIt() {
        Rate rate = Rate.of(3, Duration.ofMinutes(1));
        Limiter a = nodeA.window("w", rate);
        Limiter b = nodeB.window("w", rate);
        assertThat(a.tryAcquire("cid")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(b.tryAcquire("cid")).isEmpty();
        assertThat(a.tryAcquire("cid")).isEmpty();
        assertThat(b.tryAcquire("cid")).as("the oldest permit frees in 30 s").hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)));
        assertThat(a.tryAcquire("other")).as("keys are separate").isEmpty();

        clock.advance(Duration.ofSeconds(30));
        assertThat(a.tryAcquire("cid")).as("the first permit left the window").isEmpty();
        assertThat(b.tryAcquire("cid")).as("two permits of the last 60 s are still in it").isPresent();
        b.refund("cid");
        assertThat(a.tryAcquire("cid")).as("the refunded permit is free again").isEmpty();
    }

    @Test
    void aBucketIsSharedAndRefillsEvenly() {
        Rate rate = Rate.of(2, Duration.ofMinutes(2));
        Limiter a = nodeA.limiter("b", rate);
        Limiter b = nodeB.limiter("b", rate);
        assertThat(a.tryAcquire("ada@example.com")).isEmpty();
        assertThat(b.tryAcquire("ada@example.com")).isEmpty();
        assertThat(a.tryAcquire("ada@example.com")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60)));
        b.refund("ada@example.com");
        assertThat(a.tryAcquire("ada@example.com")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(b.tryAcquire("ada@example.com")).isEmpty();
        assertThat(b.tryAcquire("ada@example.com")).isPresent();
    }

    @Test
    void manyRequestsOnOneKeyAtOnceGetExactlyTheCountAndShareTheirSwapsInRedis() throws Exception {
        try (RedisServer redis = RedisServer.start();
                RedisConnection nodeC = RedisConnection.open(new RedisSettings(redis.url(), "t:"));
                RedisConnection nodeD = RedisConnection.open(new RedisSettings(redis.url(), "t:"))) {
            Rate rate = Rate.of(100, Duration.ofHours(1));
            List<Limiter> nodes = List.of(new RedisLimiters(nodeC, clock).limiter("many", rate),
                    new RedisLimiters(nodeD, clock).limiter("many", rate));
            AtomicInteger granted = new AtomicInteger();
            try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 400; i++) {
                    Limiter node = nodes.get(i % 2);
                    requests.submit(() -> {
                        if (node.tryAcquire("203.0.113.7").isEmpty()) {
                            granted.incrementAndGet();
                        }
                    });
                }
            }
            assertThat(granted).as("exactly the bucket's count, across both nodes").hasValue(100);
            // one compare-and-swap script per request at the very least without batching, and retries on top
            assertThat(calls(redis, "eval")).as("swap scripts sent for 400 requests").isLessThan(200);
        }
    }

    private static long calls(RedisServer redis, String command) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.url());
        try (var connection = client.connect()) {
            java.util.regex.Matcher calls = java.util.regex.Pattern.compile("cmdstat_" + command + ":calls=(\\d+)")
                    .matcher(connection.sync().info("commandstats"));
            return calls.find() ? Long.parseLong(calls.group(1)) : 0;
        } finally {
            client.shutdown();
        }
    }

    @Test
    void anUnreachableRedisIsRefusedAtStartNamingItsAddress() {
        int closed = dev.parley.testing.FreePort.next();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                RedisConnection.open(RedisSettings.of("redis://:secret-pw@127.0.0.1:" + closed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1:" + closed).hasMessageNotContaining("secret-pw");
    }
}
