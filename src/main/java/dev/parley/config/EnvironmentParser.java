package dev.parley.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code environments} and picks the selected one: {@code PARLEY_ENV}, else {@code environment},
 * else {@code sandbox} when defined, else the first defined. The API key of an environment other than
 * the selected one may be missing on this machine (a laptop has no production key); the selected
 * environment's key must be there.
 */
final class EnvironmentParser {

    static final String VARIABLE = "PARLEY_ENV";
    private static final String DEFAULT = "sandbox";
    private static final List<String> BRAZE_KEYS = brazeKeys();
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** The parsed {@code environments} with the selected name ({@code ""} when none are defined). */
    record Selection(Map<String, EnvironmentConfig> environments, String selected) {}

    private final Secrets secrets;
    private final Map<String, String> env;

    EnvironmentParser(Secrets secrets, Map<String, String> env) {
        this.secrets = secrets;
        this.env = env;
    }

    Selection parse(YamlNode root) {
        Optional<YamlNode> environments = root.isNull() ? Optional.empty() : root.get("environments");
        Map<String, YamlNode> entries = environments.map(YamlNode::entries).orElse(Map.of());
        String selected = selected(root, entries);
        Map<String, EnvironmentConfig> parsed = new LinkedHashMap<>();
        entries.forEach((name, node) -> parsed.put(name, environment(name, node, name.equals(selected))));
        return new Selection(parsed, selected);
    }

    private String selected(YamlNode root, Map<String, YamlNode> entries) {
        String override = env.getOrDefault(VARIABLE, "").strip();
        if (!override.isEmpty()) {
            if (!entries.containsKey(override)) {
                throw new ConfigException("environment", VARIABLE, Scalars.quote(override)
                        + " is not an environment of parley.yml" + known(override, entries));
            }
            return override;
        }
        Optional<YamlNode> chosen = root.isNull() ? Optional.empty() : root.get("environment");
        if (chosen.isPresent()) {
            String name = chosen.get().asString().strip();
            if (!entries.containsKey(name)) {
                throw chosen.get().error("environment " + chosen.get().quoted() + " is not defined"
                        + known(name, entries));
            }
            return name;
        }
        if (entries.containsKey(DEFAULT)) {
            return DEFAULT;
        }
        return entries.keySet().stream().findFirst().orElse("");
    }

    private static String known(String name, Map<String, YamlNode> entries) {
        if (entries.isEmpty()) {
            return " (the file defines no environments)";
        }
        return Suggestions.didYouMean(name, entries.keySet())
                + " (defined: " + String.join(", ", entries.keySet()) + ")";
    }

    private EnvironmentConfig environment(String name, YamlNode node, boolean selected) {
        if (!NAME.matcher(name).matches()) {
            throw node.error("'" + name + "' is not a valid environment name (a letter, then up to 63 letters,"
                    + " digits or '_')");
        }
        if (node.isNull()) {
            return new EnvironmentConfig(name, Map.of(), Optional.empty());
        }
        Map<String, String> params = new LinkedHashMap<>();
        Optional<BrazeConfig> braze = Optional.empty();
        for (Map.Entry<String, YamlNode> entry : node.entries().entrySet()) {
            YamlNode value = entry.getValue();
            if (entry.getKey().equals("braze")) {
                braze = Optional.of(braze(value, selected));
            } else if (value.isList() || value.isMapping()) {
                throw value.error("environment parameters are text, numbers or true/false; got "
                        + (value.isList() ? "a list" : "a mapping") + " (only braze takes nested keys)");
            } else {
                params.put(entry.getKey(), value.isNull() ? "" : value.asString());
            }
        }
        return new EnvironmentConfig(name, params, braze);
    }

    private BrazeConfig braze(YamlNode node, boolean selected) {
        node.requireOnlyKeys(BRAZE_KEYS);
        String url = ConfigValues.httpUrl(node.required("url")).toString().replaceAll("/+$", "");
        Optional<String> key = selected || keyAvailable(node) ? secrets.resolve(node, "api_key") : Optional.of("");
        if (key.isEmpty()) {
            throw node.keyError("api_key_env", "the Braze REST API key is required: set api_key_env"
                    + " (an environment variable) or api_key_file (a file)");
        }
        return new BrazeConfig(url, key.get(),
                node.get("batch_size").map(size -> size.asInt(1, BrazeConfig.MAX_BATCH_SIZE))
                        .orElse(BrazeConfig.MAX_BATCH_SIZE),
                node.get("partner").map(ConfigValues::text),
                selected ? secrets.resolve(node, "outreach_token") : Optional.empty(),
                node.get("batch_limit_mode").map(mode -> mode.asEnum(BrazeConfig.BatchLimitMode.class))
                        .orElse(BrazeConfig.BatchLimitMode.COMBINED),
                node.get("delta_memory").map(YamlNode::asDuration).orElse(BrazeConfig.DEFAULT_DELTA_MEMORY),
                node.get("max_attempts").map(n -> n.asInt(1, 10_000)).orElse(BrazeConfig.DEFAULT_MAX_ATTEMPTS),
                node.get("exports_per_minute").map(n -> n.asInt(1, 100_000))
                        .orElse(BrazeConfig.DEFAULT_EXPORTS_PER_MINUTE));
    }

    /** False only when the key comes from a well-named environment variable that is not set here. */
    private boolean keyAvailable(YamlNode node) {
        Optional<YamlNode> variable = node.get("api_key_env");
        if (variable.isEmpty() || node.get("api_key_file").isPresent() || node.entries().containsKey("api_key")) {
            return true;
        }
        String name = variable.get().asString().strip();
        return !EnvSubstitution.NAME.matcher(name).matches() || !env.getOrDefault(name, "").isEmpty();
    }

    private static List<String> brazeKeys() {
        List<String> keys = new ArrayList<>(List.of("url", "batch_size", "batch_limit_mode", "delta_memory",
                "max_attempts", "exports_per_minute", "partner"));
        keys.addAll(Secrets.keys("api_key"));
        keys.addAll(Secrets.keys("outreach_token"));
        return List.copyOf(keys);
    }
}
