package dev.parley.cli;

import dev.parley.bench.Bench;
import dev.parley.bench.BenchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley bench}: bot round trips through Parley on SQLite and PostgreSQL, through Parley nodes of
 * their own on PostgreSQL and Redis, through a relay without storage, and against the bot alone.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure bot round trips per second and their latency; writes docs/BENCHMARKS.md.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--contacts", description = "concurrent web contacts (default ${DEFAULT-VALUE})", defaultValue = "50")
    int contacts;

    @Option(names = "--warmup", description = "closed-loop warm-up before measuring (default ${DEFAULT-VALUE})",
            defaultValue = "5s", converter = DurationConverter.class)
    Duration warmup;

    @Option(names = "--settle", description = "after --warmup, warm up for at most this much longer while the "
            + "JIT compilers of Parley's JVMs are still busy (above 5%% of a core over 5s); 0 measures right "
            + "after --warmup (default ${DEFAULT-VALUE})", defaultValue = "3m", converter = DurationConverter.class)
    Duration settle;

    @Option(names = "--duration", description = "length of each measured phase (default ${DEFAULT-VALUE})",
            defaultValue = "20s", converter = DurationConverter.class)
    Duration duration;

    @Option(names = "--rate", description = "messages per second of the fixed-rate phase, e.g. 500 or 500/s "
            + "(default ${DEFAULT-VALUE})", defaultValue = "500", converter = RateConverter.class)
    int rate;

    @Option(names = "--timeout", description = "a reply later than this is a failure (default ${DEFAULT-VALUE})",
            defaultValue = "10s", converter = DurationConverter.class)
    Duration timeout;

    @Option(names = "--store", description = "Parley in this process on sqlite, postgresql, both or none "
            + "(default ${DEFAULT-VALUE})", defaultValue = "both")
    String store;

    @Option(names = "--nodes", description = "also run N Parley processes on one PostgreSQL database and Redis, "
            + "the contacts spread over them (default ${DEFAULT-VALUE}: no such run)", defaultValue = "0")
    int nodes;

    @Option(names = "--redis-url", description = "the Redis the --nodes share (default ${DEFAULT-VALUE})",
            defaultValue = "redis://127.0.0.1:6379")
    String redisUrl;

    @Option(names = "--relay", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also run the load through a relay without storage, the reference every figure is "
                    + "compared with (default: yes)")
    boolean relay;

    @Option(names = "--reference", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also run the load straight against the bot (default: yes)")
    boolean reference;

    @Option(names = "--write-docs", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "write the report to --docs (default: yes)")
    boolean writeDocs;

    @Option(names = "--docs", description = "report file (default ${DEFAULT-VALUE})", defaultValue = "docs/BENCHMARKS.md")
    Path docs;

    @Override
    public Integer call() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> own = args.contains("bench") ? args.subList(args.indexOf("bench") + 1, args.size()) : args;
        String command = ("./parley bench " + String.join(" ", own)).strip();
        BenchOptions options = new BenchOptions(contacts, warmup, settle, duration, rate, timeout, stores(store), nodes,
                redisUrl, relay, reference,
                writeDocs ? Optional.of(docs) : Optional.empty(), command);
        return Bench.run(options, System.out);
    }

    private static List<BenchOptions.Store> stores(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> List.of(BenchOptions.Store.SQLITE);
            case "postgresql", "postgres" -> List.of(BenchOptions.Store.POSTGRESQL);
            case "both" -> List.of(BenchOptions.Store.SQLITE, BenchOptions.Store.POSTGRESQL);
            case "none" -> List.of();
            default -> throw new IllegalArgumentException("--store must be sqlite, postgresql, both or none, got '"
                    + value + "'");
        };
    }

    /** Reads {@code 500ms}, {@code 20s}, {@code 2m}, or plain seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 500ms, 20s or 2m");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }

    /** Reads {@code 500} or {@code 500/s}. */
    static final class RateConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.parseInt(value.strip().replaceFirst("/s$", ""));
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a rate such as 500 or 500/s");
            }
        }
    }
}
