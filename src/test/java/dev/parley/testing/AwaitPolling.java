package dev.parley.testing;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * How every test's {@code await()} polls, set once per test JVM (registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}): the condition is checked at once,
 * then after 5, 10, 20, 40 and 80 ms, then every 100 ms. Awaitility's own default checks first after 100 ms and then
 * every 100 ms, so each wait for something that already holds, or holds a moment later, cost up to 100 ms of
 * nothing; a long wait still polls no more often than that.
 */
public final class AwaitPolling implements LauncherSessionListener {
    static final Duration FIRST = Duration.ofMillis(5);
    static final Duration LONGEST = Duration.ofMillis(100);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(new IterativePollInterval(
                previous -> Collections.min(List.of(previous.multipliedBy(2), LONGEST)), FIRST));
    }
}
