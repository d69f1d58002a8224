package dev.parley.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The same load through the {@link Relay}: what any platform pays for this shape of work, nothing stored. */
final class RelayTarget implements Target {
    static final String LABEL = "Relay (nothing stored)";

    private final HttpClient http = Clients.http();
    private final Relay relay;
    private final Duration timeout;

    private RelayTarget(Relay relay, Duration timeout) {
        this.relay = relay;
        this.timeout = timeout;
    }

    static RelayTarget start(EchoBot bot, Duration timeout) {
        return new RelayTarget(Relay.start(bot.webhookUrl(), timeout), timeout);
    }

    @Override
    public String label() {
        return LABEL;
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
        return WebContact.open(http, relay.port(), "contact " + index, timeout);
    }

    @Override
    public void close() {
        http.close();
        relay.close();
    }
}
