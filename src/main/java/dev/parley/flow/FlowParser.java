package dev.parley.flow;

import dev.parley.config.ConfigException;
import dev.parley.config.YamlNode;
import dev.parley.config.YamlTree;
import dev.parley.flow.spi.ActionParameters;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a whole flow file: the top-level keys, every node, then the checks across nodes. */
final class FlowParser {

    /** Flow and node ids. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");
    private static final List<String> KEYS = List.of("id", "name", "description", "start", "variables", "nodes",
            "nlu");

    private final ParseContext context;
    private final Problems problems;

    private FlowParser(ParseContext context) {
        this.context = context;
        this.problems = context.problems;
    }

    /**
     * Reads {@code text}. JSON is read as the YAML it is; tabs, which JSON allows between tokens
     * and YAML does not, are turned into spaces (a JSON string cannot hold a raw tab).
     */
    static FlowValidation parse(String text, String source, Map<String, ActionParameters> actions,
            FlowDirectory directory) {
        Problems problems = new Problems(source);
        YamlNode root;
        try {
            root = YamlTree.parse(source.endsWith(".json") ? text.replace('\t', ' ') : text, source);
        } catch (ConfigException e) {
            problems.add(e);
            return FlowValidation.invalid(source, problems.sorted());
        }
        if (!Shapes.isMapping(root)) {
            problems.error(root, root.isNull() ? "empty file: a flow needs id, start and nodes"
                    : "a flow is a mapping with id, start and nodes, got " + Shapes.describe(root));
            return FlowValidation.invalid(source, problems.sorted());
        }
        return new FlowParser(new ParseContext(problems, actions, directory)).flow(root);
    }

    private FlowValidation flow(YamlNode root) {
        context.keys(root, KEYS);
        String id = context.required(root, "id").map(value -> id(value, "flow")).orElse("");
        String name = context.optional(root, "name").map(context::text).orElse(id);
        context.optional(root, "description").ifPresent(context::text);
        Set<String> variables = new LinkedHashSet<>();
        context.optional(root, "variables").ifPresent(list -> problems.read(list::items, List.<YamlNode>of())
                .forEach(item -> variables.add(context.variable(item))));
        Optional<YamlNode> start = context.optional(root, "start");
        if (start.isEmpty()) {
            problems.error(root.line(), "start", "missing start: name the first node, as in start: welcome");
        }
        FlowNlu nlu = context.optional(root, "nlu").map(value -> new NluParser(context).parse(value))
                .orElse(FlowNlu.none());
        Optional<YamlNode> nodesNode = context.required(root, "nodes");
        Optional<Map<String, YamlNode>> written = nodesNode.flatMap(this::nodeEntries);
        Map<String, Node> nodes = new LinkedHashMap<>();
        Optional<String> startId = Optional.empty();
        if (written.isPresent()) {
            Map<String, Integer> lines = KeyLines.of(nodesNode.orElseThrow());
            NodeParser parser = new NodeParser(context);
            written.get().forEach((nodeId, node) -> {
                int line = lines.getOrDefault(nodeId, node.line());
                if (!ID.matcher(nodeId).matches()) {
                    problems.error(line, node.path(), "'" + nodeId + "' is not a valid node id (1 to 64 letters,"
                            + " digits, '_' or '-')");
                }
                parser.parse(nodeId, line, node).ifPresent(parsed -> nodes.put(nodeId, parsed));
            });
            FlowChecks checks = new FlowChecks(context, written.get(), lines);
            startId = start.flatMap(checks::start);
            checks.references(context.directory::exists);
            context.nlu.check(problems);
            if (startId.isPresent() && !problems.hasErrors()) {
                checks.reachability(startId.get(), nodes, nlu.global().values());
            }
        }
        if (problems.hasErrors()) {
            return FlowValidation.invalid(problems.source(), problems.sorted());
        }
        Flow flow = new Flow(id, name, startId.orElseThrow(), nodes, variables, problems.source(), nlu);
        return FlowValidation.valid(flow, problems.sorted());
    }

    private Optional<Map<String, YamlNode>> nodeEntries(YamlNode nodes) {
        if (!Shapes.isMapping(nodes)) {
            problems.error(nodes, "nodes is a mapping of node ids to nodes, got " + Shapes.describe(nodes));
            return Optional.empty();
        }
        try {
            Map<String, YamlNode> entries = nodes.entries();
            if (entries.isEmpty()) {
                problems.error(nodes, "nodes needs at least one node");
            }
            return Optional.of(entries);
        } catch (ConfigException e) {
            String prefix = "duplicate key ";
            String nodeId = e.path().substring(Math.min(e.path().length(), nodes.path().length() + 1));
            problems.error(e.line().orElse(0), e.path(), e.detail().startsWith(prefix)
                    ? "duplicate node id '" + nodeId + "' " + e.detail().substring(prefix.length())
                    + ": node ids are unique; rename one of them" : e.detail());
            return Optional.empty();
        }
    }

    private String id(YamlNode value, String what) {
        String id = context.text(value);
        if (!id.isBlank() && !ID.matcher(id).matches()) {
            problems.error(value, "'" + id + "' is not a valid " + what + " id (1 to 64 letters, digits, '_' or '-')");
        }
        return id;
    }
}
