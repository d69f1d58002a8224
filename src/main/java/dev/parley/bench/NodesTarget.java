package dev.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Parley as a cluster: {@code n} node processes on one fresh PostgreSQL database and one Redis, as
 * behind a load balancer; contact {@code k} writes to node {@code k mod n}, and whichever node holds a
 * lane calls the bot. Each node's CPU time, and Redis's, is measured on its own.
 */
final class NodesTarget implements Target {
    private final int count;
    private final Path dir;
    private final PostgresScratch postgres;
    private final List<ParleyNode> nodes;
    private final List<WatchedProcess> processes;
    private final HttpClient http = Clients.http();
    private final Duration timeout;

    private NodesTarget(int count, Path dir, PostgresScratch postgres, List<ParleyNode> nodes, Duration timeout) {
        this.count = count;
        this.dir = dir;
        this.postgres = postgres;
        this.nodes = List.copyOf(nodes);
        this.timeout = timeout;
        List<WatchedProcess> watched = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            watched.add(new WatchedProcess(nodeLabel(i), nodes.get(i).pid()));
        }
        watched.addAll(WatchedProcess.named("Redis", "redis-server"));
        this.processes = List.copyOf(watched);
    }

    static String nodeLabel(int index) {
        return "Parley node " + (index + 1);
    }

    /** Starts {@code count} nodes side by side; if one fails, the others are stopped and everything removed. */
    static NodesTarget start(int count, String redisUrl, EchoBot bot, Duration timeout) {
        Path dir = ParleyTarget.tempDir();
        PostgresScratch postgres = null;
        List<ParleyNode> nodes = new ArrayList<>();
        try {
            postgres = PostgresScratch.create();
            Path config = Files.writeString(dir.resolve("parley.yml"), BenchWorkspace.yaml(bot.webhookUrl()));
            Map<String, String> env = Map.of("PARLEY_DATABASE_URL", postgres.databaseUrl(), "PARLEY_REDIS_URL", redisUrl);
            // side by side, as a deployment starts them: the database's migration lock lets one node migrate
            List<CompletableFuture<ParleyNode>> starting = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path data = Files.createDirectories(dir.resolve("node-" + (i + 1)));
                Path log = dir.resolve("node-" + (i + 1) + ".log");
                starting.add(CompletableFuture.supplyAsync(() -> ParleyNode.start(config, data, env, log)));
            }
            for (CompletableFuture<ParleyNode> node : starting) {
                try {
                    nodes.add(node.join());
                } catch (CompletionException e) {
                    starting.forEach(other -> other.thenAccept(ParleyNode::close));
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
            return new NodesTarget(count, dir, postgres, nodes, timeout);
        } catch (IOException e) {
            stop(nodes, Optional.ofNullable(postgres), dir);
            throw new UncheckedIOException("cannot prepare the nodes' folder " + dir, e);
        } catch (RuntimeException e) {
            stop(nodes, Optional.ofNullable(postgres), dir);
            throw e;
        }
    }

    @Override
    public String label() {
        return "Parley on PostgreSQL, " + count + (count == 1 ? " node" : " nodes");
    }

    @Override
    public Optional<BenchOptions.Store> store() {
        return Optional.of(BenchOptions.Store.POSTGRESQL);
    }

    @Override
    public List<WatchedProcess> processes() {
        return processes;
    }

    @Override
    public RoundTripper client(int index) {
        return WebContact.open(http, nodes.get(index % nodes.size()).port(), "contact " + index, timeout);
    }

    @Override
    public void close() {
        http.close();
        stop(nodes, Optional.of(postgres), dir);
    }

    private static void stop(List<ParleyNode> nodes, Optional<PostgresScratch> postgres, Path dir) {
        try {
            nodes.forEach(ParleyNode::terminate); // all at once: each takes a few seconds to shut down
            nodes.forEach(ParleyNode::close);
        } finally {
            postgres.ifPresent(PostgresScratch::close);
            ParleyTarget.delete(dir);
        }
    }
}
