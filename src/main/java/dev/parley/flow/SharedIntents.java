package dev.parley.flow;

import dev.parley.config.ConfigException;
import dev.parley.config.YamlNode;
import dev.parley.config.YamlTree;
import dev.parley.nlu.EntityDefinition;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Intents and entities from a file that several flows include ({@code nlu: {include:
 * shared/intents.yml}}, relative to the flow file), merged under the flow's own: an intent or
 * entity the flow declares itself replaces the shared one of that name. Problems in the shared file
 * name that file and its lines.
 */
record SharedIntents(Map<String, Map<String, List<String>>> examples, Map<String, EntityDefinition> entities,
                     Path file) {
    private static final List<String> KEYS = List.of("intents", "entities");

    /** Reads the file {@code include} names; empty, after reporting why, when it cannot be used. */
    static Optional<SharedIntents> read(ParseContext context, YamlNode include, String language) {
        String ref = context.text(include);
        try {
            if (ref.isEmpty() || Path.of(ref).isAbsolute()) {
                context.problems.error(include, "include names a file relative to this flow, such as"
                        + " shared/intents.yml, got '" + ref + "'");
                return Optional.empty();
            }
        } catch (InvalidPathException e) {
            context.problems.error(include, "'" + ref + "' is not a file name");
            return Optional.empty();
        }
        Optional<FlowDirectory.Included> found = context.directory.include(ref);
        if (found.isEmpty()) {
            context.problems.error(include, "include needs a flow read from a file: '" + ref
                    + "' is found next to it");
            return Optional.empty();
        }
        FlowDirectory.Included included = found.get();
        if (included.text().isEmpty()) {
            context.problems.error(include, "cannot read the included file " + included.source() + ": "
                    + included.unreadable());
            return Optional.empty();
        }
        Problems problems = new Problems(included.source());
        Optional<SharedIntents> shared = parse(context.including(problems), included, language);
        context.problems.addAll(problems);
        return problems.hasErrors() ? Optional.empty() : shared;
    }

    private static Optional<SharedIntents> parse(ParseContext context, FlowDirectory.Included included,
                                                 String language) {
        YamlNode root;
        try {
            root = YamlTree.parse(included.text().orElseThrow(), included.source());
        } catch (ConfigException e) {
            context.problems.add(e);
            return Optional.empty();
        }
        if (!Shapes.isMapping(root)) {
            context.problems.error(root, "an included file is a mapping with intents and entities, as in a flow's"
                    + " nlu block");
            return Optional.empty();
        }
        context.keys(root, KEYS);
        NluParser parser = new NluParser(context);
        return Optional.of(new SharedIntents(
                context.optional(root, "intents").map(value -> parser.intents(value, language)).orElse(Map.of()),
                context.optional(root, "entities").map(parser::entities).orElse(Map.of()), included.file()));
    }

    /** The shared intents with the flow's own over them, per language. */
    Map<String, Map<String, List<String>>> examplesUnder(Map<String, Map<String, List<String>>> own) {
        Map<String, Map<String, List<String>>> merged = new LinkedHashMap<>();
        examples.forEach((language, intents) -> merged.put(language, new LinkedHashMap<>(intents)));
        own.forEach((language, intents) -> merged.computeIfAbsent(language, l -> new LinkedHashMap<>())
                .putAll(intents));
        return merged;
    }

    /** The shared entities with the flow's own over them. */
    Map<String, EntityDefinition> entitiesUnder(Map<String, EntityDefinition> own) {
        Map<String, EntityDefinition> merged = new LinkedHashMap<>(entities);
        merged.putAll(own);
        return merged;
    }
}
