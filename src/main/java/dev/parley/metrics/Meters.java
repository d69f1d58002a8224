package dev.parley.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the features count, one call per event, so an instrumentation point is a single line. Meters are
 * recorded through Micrometer's global registry, to which every running {@link ParleyMetrics} adds its
 * Prometheus registry: a process normally runs one Parley, and its {@code /metrics} shows what happened
 * since it started. Labels are open strings (an outcome, a route), so a new outcome is a new label value
 * and needs no code here.
 */
public final class Meters {
    /** Timeline packets that carry something a person or bot says; other packets are events. */
    private static final Set<String> MESSAGE_PACKETS = Set.of("message", "media", "click", "buttons",
            "button_template", "carousel", "list_template", "bubbles");
    private static final Duration[] WEBHOOK_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};
    private static final double[] BRAZE_OBJECT_BUCKETS = {1, 5, 10, 25, 50, 75};

    /** The WebSockets Parley serves. */
    public enum Socket {
        WIDGET, CONSOLE;

        private final AtomicInteger open = new AtomicInteger();
    }

    private Meters() {}

    /** Meters that exist before their first event: open sockets start at 0, not absent. */
    static void registerFixed(MeterRegistry registry) {
        for (Socket socket : Socket.values()) {
            Gauge.builder("parley.websockets.open", socket.open, AtomicInteger::get).description("open WebSockets")
                    .tag("client", socket.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
        }
    }

    /**
     * A packet was committed to a conversation's timeline. Messages from the contact count as {@code in},
     * from bots and operators as {@code out}; system events and non-message packets are not counted.
     */
    public static void timelineItem(String channel, String authorType, String packetName) {
        if (!MESSAGE_PACKETS.contains(packetName) || "system".equals(authorType)) {
            return;
        }
        Counter.builder("parley.messages").description("messages added to timelines")
                .tag("direction", "contact".equals(authorType) ? "in" : "out")
                .tag("channel", channel).tag("author_type", authorType)
                .register(Metrics.globalRegistry).increment();
    }

    /** One call of a bot's webhook (or one in-process answer of a flow bot), as its delivery log records it. */
    public static void webhookCall(String botId, String outcome, Duration latency) {
        Timer.builder("parley.webhook.calls").description("bot webhook calls by outcome, with their latency")
                .tag("bot", botId).tag("outcome", outcome).serviceLevelObjectives(WEBHOOK_BUCKETS)
                .register(Metrics.globalRegistry).record(latency);
    }

    /** One request to Braze's REST API and how many objects (attributes, events, purchases, ids) it carried. */
    public static void brazeRequest(String endpoint, String outcome, int objects) {
        Counter.builder("parley.braze.requests").description("requests to Braze by endpoint and outcome")
                .tag("endpoint", endpoint).tag("outcome", outcome).register(Metrics.globalRegistry).increment();
        DistributionSummary.builder("parley.braze.request.objects").description("objects per Braze request")
                .tag("endpoint", endpoint).serviceLevelObjectives(BRAZE_OBJECT_BUCKETS)
                .register(Metrics.globalRegistry).record(objects);
    }

    /** A contact sent a channel's unsubscribe keyword and was unsubscribed from its campaigns. */
    public static void campaignUnsubscribed(String channel) {
        Counter.builder("parley.campaign.unsubscribes").description("unsubscribes by the channel's keyword")
                .tag("channel", channel).register(Metrics.globalRegistry).increment();
    }

    /** An outreach was refused before anything was sent, for {@code reason} (such as {@code unsubscribed}). */
    public static void outreachRefused(String channel, String reason) {
        Counter.builder("parley.outreach.refused").description("outreaches refused before sending")
                .tag("channel", channel).tag("reason", reason).register(Metrics.globalRegistry).increment();
    }

    /** An operator log-in was refused for a wrong e-mail or password. */
    public static void loginFailed() {
        Counter.builder("parley.login.failures").description("refused operator log-ins")
                .register(Metrics.globalRegistry).increment();
    }

    /** A request was refused with 429; {@code route} is the matched route pattern, not the concrete path. */
    public static void rateLimited(String route) {
        Counter.builder("parley.rate.limited").description("requests refused by a rate limit")
                .tag("route", route).register(Metrics.globalRegistry).increment();
    }

    /** A WebSocket was opened. */
    public static void socketOpened(Socket socket) {
        socket.open.incrementAndGet();
    }

    /** A socket counted by {@link #socketOpened} closed. */
    public static void socketClosed(Socket socket) {
        socket.open.decrementAndGet();
    }
}
