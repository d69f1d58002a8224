package dev.parley.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bot operator, with the settings of chatbot-api.md §7.
 *
 * @param slots          the most sessions the bot handles at once
 * @param timeout        the conversation inactivity timeout, if any
 * @param webhookUrl     where events are sent; present for bots of type {@code api}
 * @param webhookHeaders headers added to every webhook call; their values are treated as secrets
 * @param apiToken       the token the bot sends to the API URL, when the file sets one
 * @param signingSecret  the secret webhook calls are signed with, when the file sets one
 * @param requestTimeout how long one webhook call may take
 * @param flow           the flow file of a bot of type {@code flow}
 * @param braze          what is sent to Braze when a conversation the bot handled ends, if anything
 */
public record BotConfig(String id, String name, String group, BotType type, Behavior behavior, int slots,
        boolean registration, Optional<BotTimeout> timeout, Optional<URI> webhookUrl, Map<String, String> webhookHeaders,
        Optional<String> apiToken, Optional<String> signingSecret, Duration requestTimeout, RetryConfig webhookRetry,
        Optional<String> flow, List<String> skills, Optional<String> avatarUrl, Optional<BrazeRetargeting> braze) {

    public BotConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        webhookHeaders = Map.copyOf(webhookHeaders);
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(webhookRetry, "webhookRetry");
        Objects.requireNonNull(flow, "flow");
        skills = List.copyOf(skills);
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(braze, "braze");
    }

    /** A bot that sends nothing to Braze after its conversations. */
    public BotConfig(String id, String name, String group, BotType type, Behavior behavior, int slots,
            boolean registration, Optional<BotTimeout> timeout, Optional<URI> webhookUrl, Map<String, String> webhookHeaders,
            Optional<String> apiToken, Optional<String> signingSecret, Duration requestTimeout, RetryConfig webhookRetry,
            Optional<String> flow, List<String> skills, Optional<String> avatarUrl) {
        this(id, name, group, type, behavior, slots, registration, timeout, webhookUrl, webhookHeaders, apiToken,
                signingSecret, requestTimeout, webhookRetry, flow, skills, avatarUrl, Optional.empty());
    }

    @Override
    public String toString() {
        return "BotConfig[id=" + id + ", name=" + name + ", group=" + group + ", type=" + type
                + ", behavior=" + behavior + ", slots=" + slots + ", registration=" + registration
                + ", timeout=" + timeout + ", webhookUrl=" + webhookUrl
                + ", webhookHeaders=" + Masked.values(webhookHeaders)
                + ", apiToken=" + Masked.secret(apiToken) + ", signingSecret=" + Masked.secret(signingSecret)
                + ", requestTimeout=" + requestTimeout + ", webhookRetry=" + webhookRetry + ", flow=" + flow
                + ", skills=" + skills + ", avatarUrl=" + avatarUrl + ", braze=" + braze + "]";
    }
}
