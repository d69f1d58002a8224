package dev.parley.config;

import java.util.List;

/**
 * Refuses a file whose bots, widgets or add-ons send to Braze while the selected environment has no
 * Braze account: the mistake shows at start-up, at the line that asks for Braze.
 */
final class BrazeRequirement {

    private BrazeRequirement() {
    }

    static void check(YamlNode root, ParleyConfig config) {
        if (config.activeEnvironment().flatMap(EnvironmentConfig::braze).isPresent()) {
            return;
        }
        for (int i = 0; i < config.bots().size(); i++) {
            if (config.bots().get(i).braze().isPresent()) {
                throw missing(root, "bots", i, "braze", config);
            }
        }
        for (int i = 0; i < config.widgets().size(); i++) {
            WidgetConfig widget = config.widgets().get(i);
            if (widget.braze().isPresent() || widget.brazePageTags().isPresent()) {
                throw missing(root, "widgets", i, "braze", config);
            }
        }
        for (int i = 0; i < config.addons().size(); i++) {
            if (config.addons().get(i) instanceof AddonConfig.Braze) {
                throw missing(root, "addons", i, "type", config);
            }
        }
    }

    private static ConfigException missing(YamlNode root, String list, int index, String key, ParleyConfig config) {
        List<YamlNode> items = root.required(list).items();
        String why = config.environment().isEmpty()
                ? "the file defines no environments; add one with a braze key (url, api_key_env)"
                : "the selected environment '" + config.environment() + "' has no braze key (url, api_key_env)";
        return items.get(index).keyError(key, "sends to Braze, but " + why);
    }
}
