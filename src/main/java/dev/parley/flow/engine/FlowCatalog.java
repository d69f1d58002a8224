package dev.parley.flow.engine;

import dev.parley.flow.Flow;
import dev.parley.flow.FlowLoader;
import dev.parley.flow.FlowValidation;
import dev.parley.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows flow bots run: loaded from their files (an invalid flow is refused), reloaded when a
 * file changes (a running session keeps its version), and every version kept in the database so
 * that sessions continue with theirs after a restart.
 */
public final class FlowCatalog implements FlowVersions, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FlowCatalog.class);

    private final FlowLoader loader;
    private final FlowVersionStore store;
    private final Map<Path, FlowFile> files = new ConcurrentHashMap<>();
    private final Map<String, Versioned> newest = new ConcurrentHashMap<>();
    private final Map<String, Flow> versions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("flow-watch").factory());

    public FlowCatalog(Database db, Clock clock, FlowLoader loader) {
        this.loader = loader;
        this.store = new FlowVersionStore(db, clock);
    }

    /**
     * A flow file as last read: the version in use, the latest check (failing when an edit broke it)
     * and the modification times and sizes of the file and of the intents file it includes.
     */
    public record FlowFile(Path file, Versioned current, FlowValidation latest, String stamp) {
    }

    /** Loads the flow in {@code file}; throws {@link dev.parley.flow.InvalidFlowException} when it has errors. */
    public Versioned register(Path file) {
        Path path = file.toAbsolutePath().normalize();
        FlowFile known = files.get(path);
        if (known != null) {
            return known.current();
        }
        FlowValidation validation = loader.validate(file);
        Versioned loaded = keep(validation.orElseThrow(), read(path));
        files.put(path, new FlowFile(path, loaded, validation, stamp(path, loaded.flow())));
        return loaded;
    }

    /** The version new sessions of {@code flowId} start with. */
    public Optional<Versioned> newest(String flowId) {
        return Optional.ofNullable(newest.get(flowId));
    }

    /** Every registered file, for the console and the admin API. */
    public List<FlowFile> files() {
        return List.copyOf(files.values());
    }

    @Override
    public Optional<Flow> version(String flowId, String version) {
        Flow cached = versions.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        return store.find(version).flatMap(source -> loader.validate(source.text(), Path.of(source.name())).flow())
                .filter(flow -> flow.id().equals(flowId))
                .map(flow -> {
                    versions.put(version, flow);
                    return flow;
                });
    }

    @Override
    public Optional<Versioned> jump(Flow from, String ref) {
        if (!ref.matches("(?i).*\\.(ya?ml|json)")) {
            return newest(ref);
        }
        Path base = Path.of(from.source()).toAbsolutePath().getParent();
        Path target = base.resolve(ref).normalize();
        FlowFile file = files.get(target);
        if (file != null) {
            return Optional.of(newest.getOrDefault(file.current().flow().id(), file.current()));
        }
        try {
            return Optional.of(register(target));
        } catch (RuntimeException e) {
            log.warn("flow {} jumps to {}, which cannot be loaded: {}", from.id(), target, e.getMessage());
            return Optional.empty();
        }
    }

    /** Checks the registered files for changes every {@code interval}. */
    public void watch(Duration interval) {
        watcher.scheduleWithFixedDelay(this::reloadChanged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Reloads every file whose size or modification time changed, or whose included intents file did;
     * a broken edit keeps the old version.
     */
    void reloadChanged() {
        for (FlowFile file : files.values()) {
            String stamp = stamp(file.file(), file.current().flow());
            if (stamp.equals(file.stamp())) {
                continue;
            }
            FlowValidation validation = loader.validate(file.file());
            if (validation.flow().isPresent()) {
                Versioned loaded = keep(validation.flow().get(), read(file.file()));
                files.put(file.file(), new FlowFile(file.file(), loaded, validation, stamp(file.file(),
                        loaded.flow())));
                log.info("flow {} reloaded from {} (version {})", loaded.flow().id(), file.file(), loaded.version());
            } else {
                files.put(file.file(), new FlowFile(file.file(), file.current(), validation, stamp));
                log.warn("flow file {} changed but has errors; sessions keep running version {}:\n{}", file.file(),
                        file.current().version(), String.join("\n", validation.errors().stream()
                                .map(Object::toString).toList()));
            }
        }
    }

    private Versioned keep(Flow flow, String text) {
        // intents are trained as the version is taken on, not at a contact's first message
        flow.nlu().understanding().train();
        // an edit of the included intents makes a new version as an edit of the flow does
        String version = hash(flow.source() + "\n" + text + flow.nlu().included().map(FlowCatalog::read).orElse(""));
        store.keep(version, flow.id(), flow.source(), text);
        versions.put(version, flow);
        Versioned loaded = new Versioned(flow, version);
        newest.put(flow.id(), loaded);
        return loaded;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read flow file " + file, e);
        }
    }

    private static String stamp(Path file, Flow flow) {
        return modified(file) + ":" + size(file) + flow.nlu().included()
                .map(included -> " " + modified(included) + ":" + size(included)).orElse("");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
