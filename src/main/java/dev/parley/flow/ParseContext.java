package dev.parley.flow;

import dev.parley.config.Suggestions;
import dev.parley.config.YamlNode;
import dev.parley.flow.spi.ActionParameters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads values of a flow file, recording every problem instead of stopping at the first, and
 * remembers the references (node targets, variable reads and definitions) that can only be
 * checked once the whole file is read. Readers return a harmless placeholder after a problem:
 * a flow with problems is never built, so placeholders never reach a running flow.
 */
final class ParseContext {

    /** A read of {@code variable} at {@code at}. */
    record Use(VariablePath variable, YamlNode at) {
    }

    /** A reference from node {@code from} to node {@code target}, written at {@code at}. */
    record Link(String from, String target, YamlNode at) {
    }

    final Problems problems;
    /** The actions flows may name, with the parameters each takes. */
    final Map<String, ActionParameters> actions;
    /** Intents and entities: declared in {@code nlu:}, named by nodes. */
    final NluReferences nlu;
    /** Where files named by a relative path are found. */
    final FlowDirectory directory;
    private final List<Use> uses = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Link> jumps = new ArrayList<>();
    private final Set<String> definitions = new LinkedHashSet<>();

    ParseContext(Problems problems, Map<String, ActionParameters> actions, FlowDirectory directory) {
        this(problems, actions, directory, new NluReferences());
    }

    private ParseContext(Problems problems, Map<String, ActionParameters> actions, FlowDirectory directory,
                         NluReferences nlu) {
        this.problems = problems;
        this.actions = Map.copyOf(actions);
        this.directory = directory;
        this.nlu = nlu;
    }

    /** A context for a file this flow includes: its own problems, the flow's intents and entities. */
    ParseContext including(Problems included) {
        return new ParseContext(included, actions, directory, nlu);
    }

    List<Use> uses() {
        return List.copyOf(uses);
    }

    List<Link> links() {
        return List.copyOf(links);
    }

    /** Jumps to other flows: {@code target} is a flow id or a file relative to this one. */
    List<Link> jumps() {
        return List.copyOf(jumps);
    }

    void jump(String from, String target, YamlNode at) {
        jumps.add(new Link(from, target, at));
    }

    void declareEntities(Set<String> names) {
        nlu.declareEntities(names);
    }

    Set<String> definitions() {
        return Set.copyOf(definitions);
    }

    /** The value of {@code key}, when present and not null. */
    Optional<YamlNode> optional(YamlNode mapping, String key) {
        return problems.read(() -> mapping.get(key), Optional.empty());
    }

    /** The value of {@code key}; a problem when it is missing. */
    Optional<YamlNode> required(YamlNode mapping, String key) {
        return problems.read(() -> Optional.of(mapping.required(key)), Optional.empty());
    }

    /** The entries of a mapping; none after a problem. */
    Map<String, YamlNode> entries(YamlNode mapping) {
        return problems.read(mapping::entries, Map.of());
    }

    /** A scalar that must not be blank. */
    String text(YamlNode value) {
        String text = problems.read(value::asString, "");
        if (text.isBlank() && Shapes.isScalar(value)) {
            problems.error(value, "must not be empty");
        }
        return text;
    }

    Template template(YamlNode value) {
        return template(value, problems.read(value::asString, ""));
    }

    /** A template of text a contact reads: the YAML's single line breaks folded ({@link Prose}). */
    Template prose(YamlNode value) {
        return nonBlank(template(value, Prose.fold(problems.read(value::asString, ""))), value);
    }

    private Template template(YamlNode value, String text) {
        try {
            Template template = Template.parse(text);
            template.variables().forEach(variable -> uses.add(new Use(variable, value)));
            return template;
        } catch (SyntaxException e) {
            problems.error(value, "invalid template: " + e.getMessage());
            return new Template(text, List.of());
        }
    }

    /** A required template that must not be blank. */
    Template nonBlankTemplate(YamlNode value) {
        return nonBlank(template(value), value);
    }

    private Template nonBlank(Template template, YamlNode value) {
        if (template.source().isBlank() && Shapes.isScalar(value)) {
            problems.error(value, "must not be empty");
        }
        return template;
    }

    Expression expression(YamlNode value) {
        String text = problems.read(value::asString, "");
        try {
            Expression expression = ExpressionParser.parse(text);
            expression.variables().forEach(variable -> uses.add(new Use(variable, value)));
            return expression;
        } catch (SyntaxException e) {
            problems.error(value, "invalid condition: " + e.getMessage());
            return new Expression.BooleanLiteral(false);
        }
    }

    /** A node id that {@code from} leads to; checked against the flow's nodes later. */
    String target(String from, YamlNode value) {
        String target = text(value);
        if (!target.isBlank()) {
            links.add(new Link(from, target, value));
        }
        return target;
    }

    /** The name of a variable this flow sets, written as the scalar {@code value}. */
    String variable(YamlNode value) {
        return variable(text(value), value);
    }

    /** The name of a variable this flow sets, written at {@code at} (such as a key of {@code set:}). */
    String variable(String name, YamlNode at) {
        if (name.isBlank()) {
            return name;
        }
        if (!VariablePath.isName(name)) {
            problems.error(at, "'" + name + "' is not a variable name: use letters, digits, '_' and '-',"
                    + " starting with a letter or '_'");
        } else if (Scope.isReserved(name)) {
            problems.error(at, "'" + name + "' is reserved; choose another variable name");
        } else {
            definitions.add(name);
        }
        return name;
    }

    /** Any YAML value, with every scalar in it read as a template. */
    Value value(YamlNode node) {
        return value(node, false);
    }

    /**
     * Any YAML value, with every scalar in it read as a template, except, when {@code keepTypes}, plain
     * booleans and numbers, which stay what YAML reads them as.
     */
    Value value(YamlNode node, boolean keepTypes) {
        if (node.isNull()) {
            return new Value.Null();
        }
        if (node.isList()) {
            return new Value.Items(node.items().stream().map(item -> value(item, keepTypes)).toList());
        }
        if (Shapes.isScalar(node)) {
            return node.typedScalar().filter(typed -> keepTypes).<Value>map(Value.Scalar::new)
                    .orElseGet(() -> new Value.Text(template(node)));
        }
        Map<String, Value> fields = new LinkedHashMap<>();
        entries(node).forEach((key, child) -> fields.put(key, value(child, keepTypes)));
        return new Value.Fields(fields);
    }

    int integer(YamlNode value, int min, int max, int fallback) {
        return problems.read(() -> value.asInt(min, max), fallback);
    }

    boolean flag(YamlNode value, boolean fallback) {
        return problems.read(value::asBoolean, fallback);
    }

    /** Reports every key of {@code mapping} not in {@code allowed}, at the key's own line. */
    void keys(YamlNode mapping, Collection<String> allowed) {
        String prefix = mapping.path().isEmpty() ? "" : mapping.path() + ".";
        KeyLines.of(mapping).forEach((key, line) -> {
            if (!allowed.contains(key)) {
                problems.error(line, prefix + key, "unknown key '" + key + "'" + hint(key, allowed));
            }
        });
    }

    private static String hint(String key, Collection<String> allowed) {
        return Suggestions.closest(key, allowed).map(match -> "; did you mean '" + match + "'?")
                .orElseGet(() -> " (expected one of: " + String.join(", ", allowed) + ")");
    }
}
