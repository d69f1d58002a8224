package dev.parley.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code bots} list: bot operators with the settings of chatbot-api.md §7. */
final class BotParser {

    private static final List<String> KEYS = keys();
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final References references;
    private final Secrets secrets;
    private final Registry ids = new Registry("bot id");

    BotParser(References references, Secrets secrets) {
        this.references = references;
        this.secrets = secrets;
    }

    BotConfig parse(YamlNode node) {
        node.requireOnlyKeys(KEYS);
        String id = ids.claimId(node.required("id"));
        BotType type = node.required("type").asEnum(BotType.class);
        return new BotConfig(id,
                ConfigValues.text(node.required("name")),
                references.group(node.required("group")),
                type,
                node.get("behavior").map(behavior -> behavior.asEnum(Behavior.class)).orElse(Behavior.HUMAN),
                node.get("slots").map(ConfigValues::slots).orElse(10),
                node.get("registration").map(YamlNode::asBoolean).orElse(false),
                node.get("timeout").map(BotParser::timeout),
                webhookUrl(node, type),
                node.get("webhook_headers").map(ConfigValues::headers).orElse(Map.of()),
                secrets.resolve(node, "api_token"),
                secrets.resolve(node, "signing_secret"),
                node.get("request_timeout").map(ConfigValues::positiveDuration).orElse(DEFAULT_REQUEST_TIMEOUT),
                node.get("webhook_retry").map(BotParser::retry).orElse(RetryConfig.DEFAULT),
                flow(node, type),
                references.skillsOf(node),
                node.get("avatar_url").map(ConfigValues::avatarUrl),
                BrazeRetargetingParser.ofBot(node));
    }

    private static Optional<URI> webhookUrl(YamlNode node, BotType type) {
        Optional<YamlNode> url = node.get("webhook_url");
        return switch (type) {
            case API -> Optional.of(ConfigValues.httpUrl(
                    url.orElseThrow(() -> node.keyError("webhook_url", "required for bots of type api"))));
            case FLOW -> {
                if (url.isPresent()) {
                    throw url.get().error("bots of type flow have no webhook; remove it or set type: api");
                }
                yield Optional.empty();
            }
        };
    }

    /** The flow file, relative to the configuration file's folder. */
    private Optional<String> flow(YamlNode node, BotType type) {
        Optional<YamlNode> flow = node.get("flow");
        return switch (type) {
            case FLOW -> {
                YamlNode file = flow.orElseThrow(() -> node.keyError("flow", "required for bots of type flow"));
                ConfigValues.text(file);
                yield Optional.of(secrets.path(file).toString());
            }
            case API -> {
                if (flow.isPresent()) {
                    throw flow.get().error("only bots of type flow run a flow; remove it or set type: flow");
                }
                yield Optional.empty();
            }
        };
    }

    private static BotTimeout timeout(YamlNode node) {
        node.requireOnlyKeys(List.of("after", "action"));
        return new BotTimeout(ConfigValues.positiveDuration(node.required("after")),
                node.get("action").map(action -> action.asEnum(TimeoutAction.class)).orElse(TimeoutAction.END));
    }

    private static RetryConfig retry(YamlNode node) {
        node.requireOnlyKeys(List.of("attempts", "first_delay"));
        return new RetryConfig(
                node.get("attempts").map(attempts -> attempts.asInt(1, 20)).orElse(RetryConfig.DEFAULT.attempts()),
                node.get("first_delay").map(ConfigValues::positiveDuration).orElse(RetryConfig.DEFAULT.firstDelay()));
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("id", "name", "group", "type", "behavior", "slots",
                "registration", "timeout", "webhook_url", "webhook_headers", "request_timeout", "webhook_retry",
                "flow", "skills", "avatar_url", "braze"));
        keys.addAll(Secrets.keys("api_token"));
        keys.addAll(Secrets.keys("signing_secret"));
        return List.copyOf(keys);
    }
}
