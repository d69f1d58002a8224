package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.auth.Secrets;
import dev.parley.channel.ChannelOutreach;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ProactiveConversations;
import dev.parley.conversation.Opened;
import dev.parley.error.ClientError;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Braze starts a conversation (the outreach webhook): finds or creates the contact, opens a proactive
 * conversation on a widget and starts a bot with the given variables, once per {@code outreach_id}.
 */
public final class Outreach {

    /** Where an outreach opens its conversation. */
    public sealed interface Target {
        /** On a website widget, with an optional first message. */
        record OnWidget(String widgetId, Optional<String> message) implements Target {}

        /** On a WhatsApp channel, starting with an approved template. */
        record OnChannel(String channelId, ChatPacket.Template template) implements Target {}
    }

    /** A checked outreach request. {@code flowId} and {@code botId}: exactly one is present. */
    public record Request(String outreachId, ProactiveConversations.Reach reach, Target target, Optional<String> flowId,
            Optional<String> botId, ObjectNode variables) {
        public Request {
            Objects.requireNonNull(outreachId, "outreachId");
            if (flowId.isPresent() == botId.isPresent()) {
                throw new IllegalArgumentException("exactly one of flowId and botId");
            }
        }
    }

    /** The conversation of the outreach; {@code duplicate} when an earlier call opened it. */
    public record Result(String conversationId, boolean duplicate) {}

    private final Database db;
    private final Clock clock;
    private final WorkspaceStore workspace;
    private final ProactiveConversations proactive;
    private final ChannelOutreach channels;
    private final OutreachStore store;
    private final Map<String, String> flowOfBot;
    private final Optional<String> tokenHash;
    private final String environment;

    /**
     * @param flowOfBot   which flow each flow bot runs
     * @param token       the outreach token of the selected environment, if set up
     * @param environment the selected environment's name, for the "not set up" answer
     */
    public Outreach(Database db, Clock clock, WorkspaceStore workspace, ProactiveConversations proactive,
            ChannelOutreach channels, Map<String, String> flowOfBot, Optional<String> token, String environment) {
        this.channels = channels;
        this.db = db;
        this.clock = clock;
        this.workspace = workspace;
        this.proactive = proactive;
        this.store = new OutreachStore();
        this.flowOfBot = Map.copyOf(flowOfBot);
        this.tokenHash = token.map(Secrets::hash);
        this.environment = environment;
    }

    /** Checks the token Braze presented; the token itself is never logged or echoed. */
    public void authenticate(Optional<String> presented) {
        if (tokenHash.isEmpty()) {
            String env = environment.isEmpty() ? "<env>" : environment;
            throw new ClientError(ClientError.Kind.NOT_FOUND, "outreach_not_set_up",
                    "outreach is not set up: set environments." + env + ".braze.outreach_token_env"
                            + " (or outreach_token_file) in parley.yml",
                    Optional.empty(), Optional.empty());
        }
        if (presented.isEmpty()) {
            throw ClientError.unauthorized("the outreach token is missing: send it as 'Authorization: Bearer <token>'");
        }
        if (!Secrets.matches(presented.get(), tokenHash.get())) {
            throw ClientError.unauthorized("the outreach token is not valid");
        }
    }

    /** Opens the outreach's conversation, or finds the one an earlier call with the same id opened. */
    public Result start(Request req) {
        String botId = req.botId().orElseGet(() -> botOfFlow(req.flowId().orElseThrow()));
        String widgetId = switch (req.target()) {
            case Target.OnWidget w -> w.widgetId();
            case Target.OnChannel c -> channels.widgetOf(c.channelId());
        };
        db.read(h -> {
            workspace.widget(h, widgetId).orElseThrow(() -> ClientError.notFound("widget", widgetId));
            return workspace.bot(h, botId).orElseThrow(() -> req.botId().isPresent()
                    ? new ClientError(ClientError.Kind.NOT_FOUND, "not_found", "bot: no bot with id '" + botId + "'",
                            Optional.of("bot"), Optional.empty())
                    : ClientError.notFound("bot", botId));
        });
        return db.write(tx -> {
            if (!store.claim(tx, req.outreachId(), botId, widgetId, clock.instant())) {
                String earlier = store.conversationOf(tx, req.outreachId()).orElseThrow(() -> ClientError.conflict(
                        "outreach_in_progress", "outreach_id '" + req.outreachId() + "' is being handled; retry"));
                return new Result(earlier, true);
            }
            Opened opened = switch (req.target()) {
                case Target.OnWidget w -> proactive.open(tx, w.widgetId(), req.reach(), botId, req.variables(),
                        w.message());
                case Target.OnChannel c -> channels.open(tx, c.channelId(), req.reach(), botId, req.variables(),
                        c.template());
            };
            store.opened(tx, req.outreachId(), opened.conversationId(), opened.contactId());
            return new Result(opened.conversationId(), false);
        });
    }

    private String botOfFlow(String flowId) {
        return flowOfBot.entrySet().stream().filter(e -> e.getValue().equals(flowId)).map(Map.Entry::getKey)
                .sorted().findFirst()
                .orElseThrow(() -> new ClientError(ClientError.Kind.NOT_FOUND, "not_found",
                        "flow: no flow bot runs a flow with id '" + flowId + "' (add a bot of type flow for it in"
                                + " parley.yml, or name a bot with \"bot\")",
                        Optional.of("flow"), Optional.empty()));
    }
}
