package dev.parley.config;

import java.io.StringReader;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses one YAML document into a {@link YamlNode} tree that remembers where every value
 * came from, so that whoever reads it can report problems as {@code file:line: path: detail}.
 *
 * <p>Only the node graph is built; no objects are constructed from tags, so a document
 * cannot instantiate classes.
 */
public final class YamlTree {

    private YamlTree() {
    }

    /** Parses {@code yaml}; {@code sourceName} names it in error messages. */
    public static YamlNode parse(String yaml, String sourceName) {
        return parse(yaml, sourceName, UnaryOperator.identity());
    }

    /**
     * Parses {@code yaml}, passing every scalar value through {@code scalars} when it is read
     * (for example to substitute variables). {@code scalars} reports a bad value by throwing
     * {@link IllegalArgumentException}; its message becomes the detail of a
     * {@link ConfigException} at that value's line and path, so it must not contain secrets.
     * An empty document yields a node for which {@link YamlNode#isNull()} is true.
     *
     * @throws ConfigException when the text is not well-formed YAML or holds several documents
     */
    public static YamlNode parse(String yaml, String sourceName, UnaryOperator<String> scalars) {
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            return new YamlNode(root == null ? emptyDocument() : root, sourceName, "", scalars);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(sourceName, lineOf(e), "", describe(e));
        } catch (YAMLException e) {
            throw new ConfigException(sourceName, "", "invalid YAML: " + e.getMessage(), e);
        }
    }

    private static Node emptyDocument() {
        return new ScalarNode(Tag.NULL, "", null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static int lineOf(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? 0 : mark.getLine() + 1;
    }

    // Built from problem and context only: the exception's own message quotes source lines.
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        if (e.getContext() == null) {
            return "invalid YAML: " + problem;
        }
        String where = e.getContextMark() == null ? "" : " on line " + (e.getContextMark().getLine() + 1);
        return "invalid YAML: " + e.getContext() + where + ", " + problem;
    }
}
