package dev.parley.flow.engine;

import dev.parley.chatbot.InProcessBots;
import dev.parley.config.BotConfig;
import dev.parley.config.BotType;
import dev.parley.conversation.TimelineStore;
import dev.parley.flow.FlowLoader;
import dev.parley.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires flow bots: loads the flow of every bot of type {@code flow} (refusing to start with an
 * invalid one), watches the files, and answers for those bots in-process.
 */
public final class FlowModule implements AutoCloseable {
    private final FlowCatalog catalog;
    private final FlowBots bots;
    private final Map<String, String> flowOfBot;
    private final IntentTests intentTests;

    /**
     * @param envName the active environment's name
     * @param env     its params, as flows read them under {@code env.*}
     */
    public record Deps(Database db, Clock clock, TimelineStore timeline, List<BotConfig> bots, FlowLoader loader,
            ActionCaller actions, String envName, Map<String, String> env) {
    }

    /** Throws {@link dev.parley.flow.InvalidFlowException} when a flow bot's flow has errors. */
    public FlowModule(Deps d) {
        this.catalog = new FlowCatalog(d.db(), d.clock(), d.loader());
        Map<String, String> flowOfBot = new HashMap<>();
        for (BotConfig bot : d.bots()) {
            if (bot.type() == BotType.FLOW) {
                bot.flow().ifPresent(file -> flowOfBot.put(bot.id(), catalog.register(Path.of(file)).flow().id()));
            }
        }
        FlowEngine engine = new FlowEngine(catalog, d.actions(), d.clock(), d.envName(), d.env());
        this.flowOfBot = Map.copyOf(flowOfBot);
        this.bots = new FlowBots(engine, this.flowOfBot, d.timeline());
        this.intentTests = new IntentTests(catalog, d.db(), d.clock());
    }

    /** Cross-validation of the flows' intents, for the console. */
    public IntentTests intentTests() {
        return intentTests;
    }

    public InProcessBots bots() {
        return bots;
    }

    /** Which flow (by id) each flow bot runs. */
    public Map<String, String> flowOfBot() {
        return flowOfBot;
    }

    public FlowCatalog catalog() {
        return catalog;
    }

    /** Reloads changed flow files, checking every {@code interval}. */
    public void watch(Duration interval) {
        catalog.watch(interval);
    }

    @Override
    public void close() {
        catalog.close();
    }
}
