package dev.parley.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.Rate;
import dev.parley.error.ClientError;
import dev.parley.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Token buckets per key on an injected clock, and the keys client addresses are limited under. */
class LocalLimiterTest {
    final MutableClock clock = new MutableClock();
    final Limiter limiter = Limiters.local(clock).limiter("test", Rate.of(3, Duration.ofMinutes(1)));

    @Test
    void aKeyGetsItsBurstThenWaitsForTheRefillAndOtherKeysAreUntouched() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isEmpty();
        }
        assertThat(limiter.tryAcquire("a")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20)));
        assertThat(limiter.tryAcquire("b")).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isPresent();
    }

    @Test
    void aRefundedPermitCanBeTakenAgainButNeverBeyondTheBurst() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        limiter.refund("a");
        assertThat(limiter.tryAcquire("a")).isEmpty();
        limiter.refund("b");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("b")).isEmpty();
        }
        assertThat(limiter.tryAcquire("b")).isPresent();
    }

    @Test
    void enforceRefusesWith429AndTheWaitRoundedUp() {
        for (int i = 0; i < 3; i++) {
            limiter.enforce("a", "tries");
        }
        assertThatThrownBy(() -> limiter.enforce("a", "tries")).isInstanceOfSatisfying(ClientError.class, e -> {
            assertThat(e.kind()).isEqualTo(ClientError.Kind.RATE_LIMITED);
            assertThat(e.getMessage()).isEqualTo("too many tries; retry in 20 s");
            assertThat(e.retryAfter()).isPresent();
        });
    }

    @Test
    void ipv6AddressesAreLimitedByTheirSlash64AndIpv4OnesAsTheyAre() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.key("2001:db8:1:2:bbbb:cccc:dddd:2"));
        assertThat(ClientAddress.key("2001:db8:1:2::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:3::1"));
        assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
