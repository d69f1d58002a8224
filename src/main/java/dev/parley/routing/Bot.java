package dev.parley.routing;

import dev.parley.config.Behavior;
import dev.parley.config.BotTimeout;
import dev.parley.config.BotType;
import dev.parley.config.RetryConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bot operator with its routing and transport settings; the API token only as its hash. */
public record Bot(String id, String name, String groupId, BotType type, Behavior behavior, int slots,
        boolean registration, List<String> skills, Optional<String> avatarUrl, Optional<BotTimeout> timeout,
        Optional<URI> webhookUrl, Map<String, String> webhookHeaders, Optional<String> apiTokenHash,
        Optional<String> signingSecret, Duration requestTimeout, RetryConfig retry) {

    @Override
    public String toString() {
        return "Bot[" + id + "]";
    }
}
