package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.error.ClientError;
import dev.parley.flow.Flow;
import dev.parley.json.Json;
import dev.parley.nlu.CrossValidation;
import dev.parley.nlu.Scores;
import dev.parley.nlu.Understanding;
import dev.parley.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A flow's intents for admins: the examples per language, and the figures of the last
 * cross-validation of the version new sessions run, kept in {@code nlu_tests}.
 */
public final class IntentTests {
    /** Folds and seed of a test from the console, as {@code parley nlu test} runs by default. */
    static final int FOLDS = 5;
    static final long SEED = 1;
    private static final int CONFUSED_SHOWN = 5;

    private final FlowCatalog catalog;
    private final Database db;
    private final Clock clock;

    IntentTests(FlowCatalog catalog, Database db, Clock clock) {
        this.catalog = catalog;
        this.db = db;
        this.clock = clock;
    }

    /** The intents, global intents, threshold, examples and last test of the newest version of {@code flowId}. */
    public ObjectNode view(String flowId) {
        Versioned newest = newest(flowId);
        Understanding understanding = newest.flow().nlu().understanding();
        ObjectNode out = Json.object().put("flow", flowId).put("version", newest.version())
                .put("threshold", understanding.threshold());
        out.set("global", Json.MAPPER.valueToTree(newest.flow().nlu().global()));
        ObjectNode languages = out.putObject("examples");
        understanding.languages().forEach(l -> languages.set(l, Json.MAPPER.valueToTree(understanding.examples(l))));
        out.set("last_test", last(newest.version()).<JsonNode>map(test -> test).orElse(Json.MAPPER.nullNode()));
        return out;
    }

    /** Cross-validates the newest version's examples now, keeps the figures and answers {@link #view}. */
    public ObjectNode test(String flowId) {
        Versioned newest = newest(flowId);
        Flow flow = newest.flow();
        Understanding understanding = flow.nlu().understanding();
        if (!understanding.hasIntents()) {
            throw ClientError.conflict("no_intents", "flow '" + flowId + "' declares no intents (nlu.intents)");
        }
        ObjectNode figures = Json.object().put("folds", FOLDS).put("seed", SEED);
        ObjectNode perLanguage = figures.putObject("languages");
        for (String language : understanding.languages()) {
            Scores scores = CrossValidation.run(understanding.examplesOf(language), FOLDS, SEED,
                    Understanding.embeddingsFor(language));
            perLanguage.set(language, figures(scores));
        }
        long at = clock.millis();
        db.useWrite(tx -> {
            tx.handle().createUpdate("DELETE FROM nlu_tests WHERE version = :v").bind("v", newest.version()).execute();
            tx.handle().createUpdate("INSERT INTO nlu_tests (version, flow_id, ran_at, figures) VALUES (:v, :f, :at, :j)")
                    .bind("v", newest.version()).bind("f", flowId).bind("at", at).bind("j", Json.write(figures))
                    .execute();
        });
        return view(flowId);
    }

    private Versioned newest(String flowId) {
        return catalog.newest(flowId).orElseThrow(() -> ClientError.notFound("flow", flowId));
    }

    private Optional<ObjectNode> last(String version) {
        return db.read(h -> h.createQuery("SELECT ran_at, figures FROM nlu_tests WHERE version = :v")
                .bind("v", version).map((rs, ctx) -> {
                    ObjectNode test = Json.parseStoredObject(rs.getString("figures"));
                    test.put("ran_at", Instant.ofEpochMilli(rs.getLong("ran_at")).toString());
                    return test;
                }).findOne());
    }

    private static ObjectNode figures(Scores scores) {
        ObjectNode n = Json.object().put("accuracy", scores.accuracy()).put("examples", scores.total());
        ArrayNode intents = n.putArray("intents");
        scores.perIntent().forEach(s -> intents.addObject().put("intent", s.intent()).put("support", s.support())
                .put("precision", s.precision()).put("recall", s.recall()));
        ArrayNode confused = n.putArray("confused");
        scores.confused().stream().limit(CONFUSED_SHOWN).forEach(c -> confused.addObject().put("actual", c.actual())
                .put("recognised_as", c.predicted()).put("count", c.count()));
        return n;
    }
}
