package dev.parley.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a flow understands of free text: its intents with example sentences per language, the
 * confidence an intent needs, and its entities. One model per language is trained on first use
 * (or by {@link #train()} when the flow is loaded) and kept as long as the flow version is.
 */
public final class Understanding {
    /** The confidence an intent needs when a flow does not say. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    private static final Understanding NONE = new Understanding(Map.of(), DEFAULT_THRESHOLD, Map.of());

    private final Map<String, Map<String, List<String>>> examples;
    private final double threshold;
    private final Entities entities;
    private final Map<String, IntentModel> models = new ConcurrentHashMap<>();

    /**
     * @param examples  language (ISO 639-1, the first is the default) → intent → example sentences
     * @param threshold the confidence (0–1) below which a text counts as no match
     * @param custom    the flow's own entities by name
     */
    public Understanding(Map<String, Map<String, List<String>>> examples, double threshold,
                         Map<String, EntityDefinition> custom) {
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        examples.forEach((language, intents) -> {
            Map<String, List<String>> perIntent = new LinkedHashMap<>();
            intents.forEach((intent, texts) -> perIntent.put(intent, List.copyOf(texts)));
            copy.put(language, perIntent);
        });
        this.examples = copy;
        this.threshold = threshold;
        this.entities = new Entities(custom);
    }

    /** A flow without intents or entities of its own. */
    public static Understanding none() {
        return NONE;
    }

    public boolean hasIntents() {
        return !examples.isEmpty();
    }

    public double threshold() {
        return threshold;
    }

    public Entities entities() {
        return entities;
    }

    /** The languages with examples, the default first. */
    public List<String> languages() {
        return List.copyOf(examples.keySet());
    }

    /** Every intent of any language. */
    public Set<String> intents() {
        Set<String> all = new LinkedHashSet<>();
        examples.values().forEach(intents -> all.addAll(intents.keySet()));
        return all;
    }

    /** The examples of one language: intent → sentences. */
    public Map<String, List<String>> examples(String language) {
        return examples.getOrDefault(language, Map.of());
    }

    /** Trains the model of every language now rather than at the first text. */
    public void train() {
        examples.keySet().forEach(this::model);
    }

    /**
     * Classifies {@code text} in the language of {@code locale} (such as {@code de-DE}) when the flow
     * has examples in it, else in the language the text looks like.
     */
    public Reading read(String text, Optional<String> locale) {
        String language = language(text, locale);
        return new Reading(language, hasIntents() ? Optional.of(model(language).classify(text)) : Optional.empty());
    }

    /** The language a text is read in. */
    public String language(String text, Optional<String> locale) {
        Optional<String> byLocale = locale.map(l -> l.toLowerCase(Locale.ROOT).split("[-_]")[0])
                .filter(examples::containsKey);
        return byLocale.orElseGet(() -> LanguageGuess.of(text, examples));
    }

    private IntentModel model(String language) {
        return models.computeIfAbsent(language, l -> IntentModel.train(examplesOf(l), embeddingsFor(l)));
    }

    /** The examples of one language, as labelled sentences. */
    public List<Example> examplesOf(String language) {
        List<Example> list = new ArrayList<>();
        examples.getOrDefault(language, Map.of()).forEach((intent, texts) ->
                texts.forEach(text -> list.add(new Example(text, intent))));
        return list;
    }

    /** The bundled sentence encoder is English; other languages rely on the n-grams. */
    public static Embeddings embeddingsFor(String language) {
        return language.equals("en") ? Embeddings.miniLm() : Embeddings.none();
    }

    /** The language a text was read in and what the model made of it (absent without intents). */
    public record Reading(String language, Optional<Ranking> ranking) {
    }
}
