package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Gateway answers 500 for 30 s, told by Parley's clock ({@link VendorOutage}); the contact's key is known from an
 * earlier message, so the callback is read without it. The outbox retries after about 1, 3, 9 and 27 s, so the first
 * message is sent five times, the fifth the first after the outage; afterwards every message arrives once, in order.
 */
class ThreemaOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whenTheGatewayIsDownFor30SecondsEveryMessageArrivesOnceInOrder(StoreKind kind) {
        try (ThreemaRig rig = new ThreemaRig(kind, temp)) {
            ThreemaChannelTest.accepted(rig.text("00000000000000b0", "hello"));
            await().atMost(WAIT).until(() -> rig.texts().size() == 1);
            Instant down = rig.clock.instant();
            rig.gateway.failFor(VendorOutage.OUTAGE, rig.clock);
            ThreemaChannelTest.accepted(rig.text("00000000000000b1", "three"));
            VendorOutage.ride(rig.clock, rig.parley, () -> rig.count("channel_outbound") == 4);

            assertThat(Duration.between(down, rig.clock.instant())).isGreaterThanOrEqualTo(VendorOutage.OUTAGE);
            assertThat(rig.texts()).containsExactly("echo: hello", "one", "two", "three");
            assertThat(rig.gateway.calls().stream().filter(c -> c.equals("POST /send_e2e")))
                    .as("the echo, the first message five times (four while the Gateway is down), the other two")
                    .hasSize(1 + 5 + 2);
            assertThat(rig.stored("channel_error")).isEmpty();
            await().atMost(WAIT).until(rig.parley::drained);
            assertThat(rig.texts()).hasSize(4);
        }
    }
}
