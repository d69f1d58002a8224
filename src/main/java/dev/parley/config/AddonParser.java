package dev.parley.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code addons} list: integrations bots dispatch with {@code addon_dispatch}. */
final class AddonParser {

    private static final List<String> WEBHOOK_KEYS = webhookKeys();
    private static final List<String> BRAZE_KEYS = brazeKeys();
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Secrets secrets;
    private final Registry names = new Registry("add-on name");

    AddonParser(Secrets secrets) {
        this.secrets = secrets;
    }

    AddonConfig parse(YamlNode node) {
        AddonType type = node.required("type").asEnum(AddonType.class);
        node.requireOnlyKeys(switch (type) {
            case WEBHOOK -> WEBHOOK_KEYS;
            case BRAZE -> BRAZE_KEYS;
        });
        String name = names.claimId(node.required("name"));
        return switch (type) {
            case BRAZE -> new AddonConfig.Braze(name, BrazeRetargetingParser.rule(node));
            case WEBHOOK -> new AddonConfig.Webhook(name,
                    ConfigValues.httpUrl(node.required("url")),
                    node.get("headers").map(ConfigValues::headers).orElse(Map.of()),
                    secrets.resolve(node, "signing_secret"),
                    node.get("request_timeout").map(ConfigValues::positiveDuration).orElse(DEFAULT_REQUEST_TIMEOUT));
        };
    }

    private static List<String> brazeKeys() {
        List<String> keys = new ArrayList<>(List.of("name", "type"));
        keys.addAll(BrazeRetargetingParser.RULE_KEYS);
        return List.copyOf(keys);
    }

    private static List<String> webhookKeys() {
        List<String> keys = new ArrayList<>(List.of("name", "type", "url", "headers", "request_timeout"));
        keys.addAll(Secrets.keys("signing_secret"));
        return List.copyOf(keys);
    }
}
