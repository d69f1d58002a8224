package dev.parley.flow;

import dev.parley.config.YamlNode;
import dev.parley.nlu.EntityDefinition;
import dev.parley.nlu.Entities;
import dev.parley.nlu.Understanding;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Reads a flow's {@code nlu:} block: intents with examples per language, global intents, entities,
 * and a shared file of intents and entities to include.
 */
final class NluParser {
    private static final List<String> KEYS = List.of("language", "threshold", "intents", "global", "entities",
            "time_zone", "region", "include");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final ParseContext context;

    NluParser(ParseContext context) {
        this.context = context;
    }

    FlowNlu parse(YamlNode nlu) {
        if (!Shapes.isMapping(nlu)) {
            context.problems.error(nlu, "nlu is a mapping with intents, global, entities and threshold");
            return FlowNlu.none();
        }
        context.keys(nlu, KEYS);
        String language = context.optional(nlu, "language").map(this::language).orElse("en");
        double threshold = context.optional(nlu, "threshold").map(this::threshold)
                .orElse(Understanding.DEFAULT_THRESHOLD);
        Optional<YamlNode> include = context.optional(nlu, "include");
        Optional<SharedIntents> shared = include.flatMap(value -> SharedIntents.read(context, value, language));
        Optional<YamlNode> own = context.optional(nlu, "intents");
        Map<String, Map<String, List<String>>> examples = own.map(value -> intents(value, language)).orElse(Map.of());
        Map<String, EntityDefinition> entities = context.optional(nlu, "entities").map(this::entities).orElse(Map.of());
        if (shared.isPresent()) {
            examples = shared.get().examplesUnder(examples);
            entities = shared.get().entitiesUnder(entities);
        }
        long declared = examples.values().stream().flatMap(intents -> intents.keySet().stream()).distinct().count();
        if (!examples.isEmpty() && declared < 2) {
            own.or(() -> include).ifPresent(at -> context.problems.error(at, "declare at least two intents: a model"
                    + " tells intents apart, and one alone would match every text"));
        }
        Map<String, String> global = new LinkedHashMap<>();
        context.optional(nlu, "global").ifPresent(value -> global.putAll(context.nlu.read(context, "", value)));
        ZoneId zone = context.optional(nlu, "time_zone").map(this::zone).orElse(ZoneId.of("UTC"));
        Optional<String> region = context.optional(nlu, "region").map(this::region);
        return new FlowNlu(new Understanding(examples, threshold, entities), global, zone, region,
                shared.map(SharedIntents::file));
    }

    private String language(YamlNode value) {
        String code = context.text(value);
        if (!LANGUAGE.matcher(code).matches()) {
            context.problems.error(value, "a language is a two-letter ISO 639-1 code such as en or de, got '"
                    + code + "'");
        }
        return code;
    }

    private double threshold(YamlNode value) {
        String text = context.text(value);
        try {
            double threshold = Double.parseDouble(text);
            if (threshold > 0 && threshold < 1) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number out of range
        }
        context.problems.error(value, "threshold is the confidence an intent needs, a number between 0 and 1"
                + " (exclusive) such as 0.6, got '" + text + "'");
        return Understanding.DEFAULT_THRESHOLD;
    }

    /** language → intent → examples; an intent's list alone is in the flow's {@code language}. */
    Map<String, Map<String, List<String>>> intents(YamlNode intents, String language) {
        Map<String, Map<String, List<String>>> byLanguage = new LinkedHashMap<>();
        byLanguage.put(language, new LinkedHashMap<>());
        Map<String, YamlNode> entries = context.entries(intents);
        if (!Shapes.isMapping(intents) || entries.isEmpty()) {
            context.problems.error(intents, "intents is a mapping of intent names to example sentences, such as"
                    + " order_status: [\"Where is my order?\", …]");
            return Map.of();
        }
        entries.forEach((intent, value) -> {
            if (!FlowParser.ID.matcher(intent).matches()) {
                context.problems.error(value, "'" + intent + "' is not a valid intent name (1 to 64 letters, digits,"
                        + " '_' or '-')");
            }
            context.nlu.declare(intent);
            if (value.isList()) {
                byLanguage.get(language).put(intent, examples(value));
            } else if (Shapes.isMapping(value)) {
                context.entries(value).forEach((lang, list) -> byLanguage
                        .computeIfAbsent(language(list, lang), l -> new LinkedHashMap<>()).put(intent, examples(list)));
            } else {
                context.problems.error(value, "an intent is a list of example sentences, or a mapping of languages to"
                        + " such lists (en: [...], de: [...])");
            }
        });
        byLanguage.values().removeIf(Map::isEmpty);
        return byLanguage;
    }

    private String language(YamlNode at, String code) {
        if (!LANGUAGE.matcher(code).matches()) {
            context.problems.error(at, "'" + code + "' is not a language: use a two-letter ISO 639-1 code such as en"
                    + " or de");
        }
        return code;
    }

    private List<String> examples(YamlNode list) {
        List<String> examples = context.problems.read(list::asStringList, List.<String>of());
        if (list.isList() && examples.stream().noneMatch(text -> !text.isBlank())) {
            context.problems.error(list, "an intent needs at least one example sentence");
        }
        return examples.stream().filter(text -> !text.isBlank()).toList();
    }

    Map<String, EntityDefinition> entities(YamlNode entities) {
        Map<String, EntityDefinition> defined = new LinkedHashMap<>();
        context.entries(entities).forEach((name, value) -> {
            if (Entities.BUILT_IN.contains(name)) {
                context.problems.error(value, "'" + name + "' is a built-in entity (" + String.join(", ",
                        Entities.BUILT_IN) + "); give yours another name");
                return;
            }
            if (!Shapes.isMapping(value)) {
                context.problems.error(value, "an entity is { pattern: \"…\" } or { synonyms: { value: [words] } }");
                return;
            }
            context.keys(value, List.of("pattern", "synonyms"));
            context.optional(value, "pattern").flatMap(this::pattern).ifPresent(p ->
                    defined.put(name, new EntityDefinition.Matching(p)));
            context.optional(value, "synonyms").ifPresent(synonyms -> {
                Map<String, List<String>> values = new LinkedHashMap<>();
                context.entries(synonyms).forEach((canonical, words) ->
                        values.put(canonical, context.problems.read(words::asStringList, List.<String>of())));
                defined.put(name, new EntityDefinition.Synonyms(values));
            });
            if (context.optional(value, "pattern").isEmpty() && context.optional(value, "synonyms").isEmpty()) {
                context.problems.error(value, "entity '" + name + "' needs pattern or synonyms");
            }
        });
        context.declareEntities(defined.keySet());
        return defined;
    }

    private Optional<Pattern> pattern(YamlNode value) {
        String text = context.text(value);
        try {
            return Optional.of(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            context.problems.error(value, "invalid regular expression: " + e.getDescription());
            return Optional.empty();
        }
    }

    private ZoneId zone(YamlNode value) {
        String text = context.text(value);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            context.problems.error(value, "'" + text + "' is not a time zone; use an IANA name such as Europe/Berlin");
            return ZoneId.of("UTC");
        }
    }

    private String region(YamlNode value) {
        String text = context.text(value);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(text)) {
            context.problems.error(value, "'" + text + "' is not a region: use an ISO 3166 code such as DE or US");
        }
        return text;
    }
}
