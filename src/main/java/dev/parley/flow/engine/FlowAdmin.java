package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.OpenRequest;
import dev.parley.conversation.Opened;
import dev.parley.error.ClientError;
import dev.parley.flow.FlowGraph;
import dev.parley.flow.FlowProblem;
import dev.parley.json.Json;
import dev.parley.routing.Bot;
import dev.parley.routing.Widget;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The flows of the flow bots for admins: their state, their diagram, and a test chat with each. */
public final class FlowAdmin {
    private final FlowModule flows;
    private final ContactService contacts;
    private final Database db;
    private final WorkspaceStore workspace;

    public FlowAdmin(FlowModule flows, ContactService contacts, Database db, WorkspaceStore workspace) {
        this.flows = flows;
        this.contacts = contacts;
        this.db = db;
        this.workspace = workspace;
    }

    /** Every flow file: id, name, file, whether its latest edit is valid, its problems and its bots. */
    public ObjectNode list() {
        ArrayNode items = Json.array();
        flows.catalog().files().stream().sorted(Comparator.comparing(f -> f.current().flow().id()))
                .forEach(file -> {
                    ObjectNode n = items.addObject();
                    String id = file.current().flow().id();
                    n.put("id", id);
                    n.put("name", file.current().flow().name());
                    n.put("file", file.file().toString());
                    n.put("version", file.current().version());
                    n.put("valid", file.latest().isValid());
                    ArrayNode problems = n.putArray("problems");
                    file.latest().problems().forEach(p -> problem(problems.addObject(), p));
                    ArrayNode bots = n.putArray("bots");
                    flows.flowOfBot().entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
                            .sorted().forEach(bots::add);
                });
        return Json.object().set("flows", items);
    }

    /** The flows' intents and their last cross-validation. */
    public IntentTests intents() {
        return flows.intentTests();
    }

    /** The diagram of the version new sessions of {@code flowId} run. */
    public String svg(String flowId) {
        return FlowGraph.of(flows.catalog().newest(flowId).orElseThrow(() -> ClientError.notFound("flow", flowId))
                .flow()).svg();
    }

    /**
     * Opens a conversation with a bot running {@code flowId}, on a widget of the bot's group, for an
     * admin to chat with through the contact API.
     */
    public ObjectNode testChat(String flowId) {
        flows.catalog().newest(flowId).orElseThrow(() -> ClientError.notFound("flow", flowId));
        String botId = flows.flowOfBot().entrySet().stream().filter(e -> e.getValue().equals(flowId))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow(() -> ClientError.conflict("flow_unused",
                        "no flow bot runs flow '" + flowId + "'; add one in parley.yml to chat with it"));
        Widget widget = db.read(h -> {
            Bot bot = workspace.bot(h, botId).orElseThrow(() -> ClientError.notFound("bot", botId));
            return workspace.widgets(h).stream().filter(w -> w.groupId().equals(bot.groupId())).findFirst()
                    .or(() -> workspace.widgets(h).stream().findFirst());
        }).orElseThrow(() -> ClientError.conflict("no_widget", "a test chat needs a widget; there is none"));
        Opened opened = contacts.openTestChat(widget.id(), new OpenRequest(Optional.of("Flow test"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty()), botId);
        return Json.object().put("conversation_id", opened.conversationId())
                .put("contact_token", opened.contactToken().orElseThrow()).put("bot_id", botId)
                .put("widget_id", widget.id());
    }

    private static void problem(ObjectNode n, FlowProblem p) {
        n.put("file", p.file());
        n.put("line", p.line());
        n.put("path", p.path());
        n.put("message", p.message());
        n.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
    }
}
