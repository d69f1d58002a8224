package dev.parley.flow;

import dev.parley.config.ConfigException;
import dev.parley.config.YamlNode;

/** What kind of YAML value a {@link YamlNode} holds. */
final class Shapes {

    private Shapes() {
    }

    static boolean isScalar(YamlNode node) {
        if (node.isNull() || node.isList()) {
            return false;
        }
        try {
            node.asString();
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    static boolean isMapping(YamlNode node) {
        return !node.isNull() && !node.isList() && !isScalar(node);
    }

    static String describe(YamlNode node) {
        if (node.isNull()) {
            return "nothing";
        }
        return node.isList() ? "a list" : isScalar(node) ? "a string" : "a mapping";
    }
}
