package dev.parley.cli;

import dev.parley.app.ServerSettings;
import dev.parley.cluster.RedisSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.config.DemoWorkspace;
import dev.parley.config.ParleyConfig;
import dev.parley.config.RedisUrl;
import dev.parley.media.MediaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by the commands that open the database: flags win over {@code PARLEY_*} variables. */
final class ServerOptions {
    @Option(names = "--port", description = "HTTP port (PARLEY_PORT, default 8080)")
    Integer port;

    @Option(names = "--bind", description = "address to listen on (PARLEY_BIND, else server.bind of parley.yml,"
            + " default 0.0.0.0: all interfaces)")
    String bind;

    @Option(names = "--config", description = "workspace file (PARLEY_CONFIG, default ./parley.yml if present)")
    Path config;

    @Option(names = "--data-dir", description = "data folder for SQLite and uploads (PARLEY_DATA_DIR, default ./data)")
    Path dataDir;

    @Option(names = "--plugins-dir", description = "folder of action node plugin jars (PARLEY_PLUGINS_DIR,"
            + " default ./plugins)")
    Path pluginsDir;

    ServerSettings settings(Map<String, String> env) {
        int p = port != null ? port : Integer.parseInt(env.getOrDefault("PARLEY_PORT", "8080"));
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + p);
        }
        Path data = dataDir != null ? dataDir : Path.of(env.getOrDefault("PARLEY_DATA_DIR", "data"));
        Optional<String> dbUrl = Optional.ofNullable(env.get("PARLEY_DATABASE_URL")).filter(s -> !s.isBlank());
        Path plugins = pluginsDir != null ? pluginsDir
                : Path.of(env.getOrDefault("PARLEY_PLUGINS_DIR", ServerSettings.DEFAULT_PLUGINS.toString()));
        return ServerSettings.of(p, data, dbUrl).withMedia(MediaSettings.fromEnv(env)).withPlugins(plugins)
                .withMetricsToken(env.getOrDefault("PARLEY_METRICS_TOKEN", ""));
    }

    /**
     * The address to listen on: {@code --bind}, else {@code PARLEY_BIND}, else {@code server.bind} of the workspace;
     * and the shared Redis: {@code PARLEY_REDIS_URL}, else {@code redis_url} of the workspace.
     */
    ServerSettings bound(ServerSettings settings, Map<String, String> env, ParleyConfig config) {
        Optional<String> chosen = Optional.ofNullable(bind)
                .or(() -> Optional.ofNullable(env.get("PARLEY_BIND")))
                .map(String::strip).filter(s -> !s.isEmpty())
                .or(() -> config.security().server().bind());
        ServerSettings withRedis = RedisUrl.effective(env, config.redisUrl()).map(RedisSettings::of)
                .map(settings::withRedis).orElse(settings);
        return chosen.map(withRedis::withHost).orElse(withRedis);
    }

    /**
     * The workspace file if one is given or present, else the built-in demo workspace, whose flow
     * file is kept under {@code dataDir}/flows.
     */
    Loaded workspace(Map<String, String> env, Path dataDir) {
        Path file = config != null ? config
                : env.containsKey("PARLEY_CONFIG") ? Path.of(env.get("PARLEY_CONFIG")) : Path.of("parley.yml");
        boolean explicit = config != null || env.containsKey("PARLEY_CONFIG");
        if (Files.exists(file)) {
            return new Loaded(ConfigLoader.load(file, env), Optional.of(file));
        }
        if (explicit) {
            throw new IllegalArgumentException("configuration file " + file + " does not exist");
        }
        return new Loaded(DemoWorkspace.config(dataDir.resolve("flows")), Optional.empty());
    }

    record Loaded(ParleyConfig config, Optional<Path> file) {}
}
