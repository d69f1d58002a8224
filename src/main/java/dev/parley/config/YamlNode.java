package dev.parley.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of a parsed YAML document, with its source name, line and dotted path
 * ({@code bots[0].webhook_url}). The typed getters throw {@link ConfigException} naming that
 * location and the expected type, so callers only describe what they expect.
 * Created by {@link YamlTree#parse}.
 */
public final class YamlNode {

    private final Node node;
    private final String source;
    private final String path;
    private final UnaryOperator<String> scalars;

    YamlNode(Node node, String source, String path, UnaryOperator<String> scalars) {
        this.node = node;
        this.source = source;
        this.path = path;
        this.scalars = scalars;
    }

    /** Dotted path from the document root; empty for the root. */
    public String path() {
        return path;
    }

    /** 1-based line where this value starts. */
    public int line() {
        return Scalars.lineOf(node);
    }

    /** True for an explicit or implicit YAML null ({@code ~}, {@code null}, an empty value). */
    public boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The entries of a mapping in document order. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping().getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw errorAt(keyNode, path, "keys must be plain strings, got " + Scalars.kindOf(keyNode));
            }
            String key = scalarKey.getValue();
            Integer first = keyLines.putIfAbsent(key, Scalars.lineOf(keyNode));
            if (first != null) {
                throw errorAt(keyNode, child(key), "duplicate key (first on line " + first + ")");
            }
            entries.put(key, new YamlNode(tuple.getValueNode(), source, child(key), scalars));
        }
        return Collections.unmodifiableMap(entries);
    }

    /** The value of {@code key} in this mapping; empty when the key is absent or its value null. */
    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries().get(key)).filter(value -> !value.isNull());
    }

    /** The value of {@code key} in this mapping, which must be present and not null. */
    public YamlNode required(String key) {
        YamlNode value = entries().get(key);
        if (value == null) {
            throw keyError(key, "required key is missing");
        }
        if (value.isNull()) {
            throw value.error("a value is required");
        }
        return value;
    }

    /** Rejects any key of this mapping not in {@code allowed}, suggesting the likely intended one. */
    public void requireOnlyKeys(Collection<String> allowed) {
        for (NodeTuple tuple : mapping().getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !allowed.contains(key.getValue())) {
                throw errorAt(key, child(key.getValue()),
                        "unknown key '" + key.getValue() + "'" + Suggestions.hint(key.getValue(), allowed));
            }
        }
    }

    /** The items of a list. */
    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list, got " + Scalars.kindOf(node));
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new YamlNode(item, source, path + "[" + items.size() + "]", scalars));
        }
        return List.copyOf(items);
    }

    /** A scalar as text, after the document's scalar substitution. */
    public String asString() {
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            throw error("expected a string, got " + Scalars.kindOf(node));
        }
        try {
            return scalars.apply(scalar.getValue());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /**
     * A plain (unquoted) scalar YAML reads as a boolean or a number, as that value: {@code true} as
     * {@link Boolean}, {@code 5} as {@link BigInteger}, {@code 1.5} as {@link BigDecimal};
     * empty for text, quoted scalars and anything else.
     */
    public Optional<Object> typedScalar() {
        if (!(node instanceof ScalarNode scalar)) {
            return Optional.empty();
        }
        String text = scalar.getValue().strip().replace("_", "");
        try {
            if (Tag.BOOL.equals(node.getTag())) {
                return Optional.of(Scalars.toBoolean(text));
            }
            if (Tag.INT.equals(node.getTag())) {
                return Optional.of(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
            }
            if (Tag.FLOAT.equals(node.getTag())) {
                return Optional.of(new BigDecimal(text));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public int asInt() {
        return convert(Scalars::toInt, "an integer");
    }

    /** An integer in {@code min..max}. */
    public int asInt(int min, int max) {
        int value = asInt();
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public boolean asBoolean() {
        return convert(Scalars::toBoolean, "true or false");
    }

    /** A duration: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1h30m}, or integer seconds. */
    public Duration asDuration() {
        return convert(Durations::parse, "a duration (such as 500ms, 30s, 10m, 2h, 1d)");
    }

    /** One of the constants of {@code type}, written in lower case. */
    public <E extends Enum<E>> E asEnum(Class<E> type) {
        return convert(text -> Scalars.toEnum(type, text), "one of " + Scalars.enumNames(type));
    }

    public List<String> asStringList() {
        return items().stream().map(YamlNode::asString).toList();
    }

    /** A {@link ConfigException} about {@code key} of this mapping, at its line or else the mapping's. */
    public ConfigException keyError(String key, String detail) {
        YamlNode value = entries().get(key);
        return value == null ? errorAt(node, child(key), detail) : value.error(detail);
    }

    /** A {@link ConfigException} at this node's line and path. */
    public ConfigException error(String detail) {
        return errorAt(node, path, detail);
    }

    /** This scalar quoted for an error message; a substituted value (maybe a secret) is shown as written. */
    public String quoted() {
        return node instanceof ScalarNode scalar ? Scalars.quote(scalar.getValue(), scalars) : Scalars.kindOf(node);
    }

    private <T> T convert(Function<String, T> conversion, String expected) {
        try {
            return conversion.apply(asString().strip());
        } catch (IllegalArgumentException e) {
            throw error(quoted() + " is not " + expected);
        }
    }

    private MappingNode mapping() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping, got " + Scalars.kindOf(node));
        }
        return mapping;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private ConfigException errorAt(Node at, String atPath, String detail) {
        return new ConfigException(source, Scalars.lineOf(at), atPath, detail);
    }
}
