package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.chatbot.InProcessBots;
import dev.parley.conversation.Author;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import dev.parley.routing.Bot;
import dev.parley.store.Tx;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Flow bots as the Chatbot API's in-process bots: each bot runs the flow its configuration names. */
final class FlowBots implements InProcessBots {
    private final FlowEngine engine;
    private final Map<String, String> flowOfBot;
    private final TimelineStore timeline;

    FlowBots(FlowEngine engine, Map<String, String> flowOfBot, TimelineStore timeline) {
        this.engine = engine;
        this.flowOfBot = Map.copyOf(flowOfBot);
        this.timeline = timeline;
    }

    @Override
    public Answer answer(Bot bot, ObjectNode info, ObjectNode packet) {
        String conversationId = info.path("conversation").path("id").asText();
        Optional<String> flowId = Optional.ofNullable(flowOfBot.get(bot.id()));
        if (flowId.isEmpty()) {
            ObjectNode abort = Json.object();
            abort.putObject("info").put("cid", info.path("cid").asText());
            abort.putObject("packet").put("name", "abort").putObject("payload");
            return new Answer(Json.write(Json.array().add(abort)), Json.object(),
                    tx -> log(tx, bot, conversationId, new FlowLog.Line("", "warn", "bot " + bot.id()
                            + " has no flow (set flow: in parley.yml); the conversation goes to the operators")));
        }
        FlowEngine.Reply reply = engine.answer(flowId.get(), info, packet);
        Consumer<Tx> effects = tx -> {
            reply.effects().forEach(effect -> effect.accept(tx));
            reply.log().forEach(line -> log(tx, bot, conversationId, line));
        };
        return new Answer(Json.write(reply.events()), reply.context(), effects);
    }

    /** A line for admins on the conversation's timeline; contacts never see it. */
    private void log(Tx tx, Bot bot, String conversationId, FlowLog.Line line) {
        timeline.append(tx, conversationId, Author.bot(bot.id(), bot.name()),
                new StatePacket.FlowLog(line.node(), line.level(), line.message()), false, Optional.empty());
    }
}
