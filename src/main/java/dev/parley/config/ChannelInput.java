package dev.parley.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads one channel outside {@code parley.yml}, as the admin API receives it, with exactly the file's rules
 * (channels.md §0): the type's settings and credentials, each credential from an environment variable that is set
 * or a file that can be read.
 */
public final class ChannelInput {
    private ChannelInput() {}

    /**
     * The channel {@code yaml} (one mapping, no {@code ${…}} references) describes.
     *
     * @param widgets the widgets a channel may name
     * @param env     where {@code _env} credentials are looked up
     * @param baseDir what relative {@code _file} paths are relative to
     * @throws ConfigException naming the key and the rule broken
     */
    public static ChannelConfig parse(String yaml, String sourceName, Set<String> widgets, Map<String, String> env,
            Path baseDir) {
        YamlNode root = YamlTree.parse(yaml, sourceName);
        if (!root.isMapping()) {
            throw root.error("a channel is an object with id, type, widget and the type's settings");
        }
        return new ChannelParser(widgets, new Secrets(env, baseDir)).parse(root);
    }
}
