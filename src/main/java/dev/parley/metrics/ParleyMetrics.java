package dev.parley.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The metrics of one running Parley, in Prometheus text: what the features count through {@link Meters},
 * the gauges the wiring adds (queues, sessions, pool), and the JVM's own. Scraping may require a bearer
 * token, compared in constant time.
 */
public final class ParleyMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Optional<byte[]> token;

    private ParleyMetrics(Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        gc.bindTo(registry);
        Meters.registerFixed(registry);
        Metrics.globalRegistry.add(registry);
    }

    /** Starts collecting; {@code token}, when given and not blank, is required to scrape. */
    public static ParleyMetrics start(Optional<String> token) {
        return new ParleyMetrics(token);
    }

    /** The registry gauges and pool metrics of this Parley bind to. */
    public MeterRegistry registry() {
        return registry;
    }

    /** A gauge read at every scrape; a value that needs a query should come from a {@link Sampled}. */
    public void gauge(String name, String description, Tags tags, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tags(tags).strongReference(true).register(registry);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Whether an {@code Authorization} header value may scrape: always when no token is configured. */
    public boolean allows(Optional<String> authorization) {
        if (token.isEmpty()) {
            return true;
        }
        byte[] given = authorization.filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).strip().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        return MessageDigest.isEqual(token.get(), given);
    }

    /**
     * Stops collecting. When no registry is left in the global one (no other Parley runs in this process), its meters
     * are dropped too: a Parley started later in the same process (the benchmark's next target) then adds its
     * registry to an empty composite, as {@code serve} does, instead of one still holding this Parley's meters.
     */
    @Override
    public void close() {
        Metrics.globalRegistry.remove(registry);
        if (Metrics.globalRegistry.getRegistries().isEmpty()) {
            Metrics.globalRegistry.clear();
        }
        gc.close();
        registry.close();
    }
}
