package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testing.StoreKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gateway answers 500 for 30 s of wall time (the contact's key is known from an earlier message, so the
 * callback is read without it), for a Parley on SQLite and one on PostgreSQL side by side (so the
 * wait is paid once): the outbox retries after about 1, 3, 9 and 27 s, and afterwards every message arrives once,
 * in order, on both.
 */
class ThreemaOutageTest {
    @TempDir
    Path temp;

    @Test
    void whenTheGatewayIsDownFor30SecondsEveryMessageArrivesOnceInOrderOnBothStores() throws Exception {
        try (ThreemaRig sqlite = new ThreemaRig(StoreKind.SQLITE, Files.createDirectory(temp.resolve("sqlite")));
                ThreemaRig postgres = new ThreemaRig(StoreKind.POSTGRESQL,
                        Files.createDirectory(temp.resolve("postgres")))) {
            for (ThreemaRig rig : List.of(sqlite, postgres)) {
                ThreemaChannelTest.accepted(rig.text("00000000000000b0", "hello"));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> sqlite.texts().size() == 1
                    && postgres.texts().size() == 1);
            Duration outage = Duration.ofSeconds(30);
            Instant down = Instant.now();
            sqlite.gateway.failFor(outage);
            postgres.gateway.failFor(outage);
            for (ThreemaRig rig : List.of(sqlite, postgres)) {
                ThreemaChannelTest.accepted(rig.text("00000000000000b1", "three"));
            }
            await().atMost(Duration.ofSeconds(75)).until(() -> sqlite.count("channel_outbound") == 4
                    && postgres.count("channel_outbound") == 4);
            assertThat(Duration.between(down, Instant.now())).isGreaterThanOrEqualTo(outage);
            for (ThreemaRig rig : List.of(sqlite, postgres)) {
                assertThat(rig.texts()).containsExactly("echo: hello", "one", "two", "three");
                assertThat(rig.gateway.calls().stream().filter(c -> c.equals("POST /send_e2e")).count())
                        .as("the first message is tried again and again while the Gateway is down").isGreaterThan(5);
                assertThat(rig.stored("channel_error")).isEmpty();
                await().atMost(Duration.ofSeconds(15)).until(rig.parley::drained);
                assertThat(rig.texts()).hasSize(4);
            }
        }
    }
}
