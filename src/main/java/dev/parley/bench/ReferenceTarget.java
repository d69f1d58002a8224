package dev.parley.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The same load sent straight to the bench bot, to show what Parley adds. */
final class ReferenceTarget implements Target {
    private final HttpClient http = Clients.http();
    private final EchoBot bot;
    private final Duration timeout;

    ReferenceTarget(EchoBot bot, Duration timeout) {
        this.bot = bot;
        this.timeout = timeout;
    }

    @Override
    public String label() {
        return "Reference (bot alone)";
    }

    @Override
    public Optional<BenchOptions.Store> store() {
        return Optional.empty();
    }

    @Override
    public List<WatchedProcess> processes() {
        return List.of();
    }

    @Override
    public RoundTripper client(int index) {
        return new DirectContact(http, bot.webhookUrl(), timeout);
    }

    @Override
    public void close() {
        http.close();
    }
}
