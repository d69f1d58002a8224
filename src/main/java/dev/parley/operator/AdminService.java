package dev.parley.operator;

import dev.parley.channel.store.ChannelActivity;
import dev.parley.channel.store.ChannelStore;
import dev.parley.chatbot.ChatbotModule;
import dev.parley.chatbot.DeliveryLog;
import dev.parley.config.ParleyConfig;
import dev.parley.config.Role;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.TimelineStore;
import dev.parley.error.ClientError;
import dev.parley.routing.Operator;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The admin part of the operator API: the workspace objects of {@code parley.yml} (bots, operators,
 * groups, widgets), checked by the file's own rules and applied at once, and the bots' delivery logs.
 * The file is applied again at every start and wins for the objects it names.
 */
public final class AdminService {
    private final AdminBots bots;
    private final List<AdminResource> resources;
    private final AdminDeliveries deliveries;
    private final AdminChannels channels;

    public AdminService(Database db, WorkspaceStore workspace, ChatbotModule chatbot, ConversationStore conversations,
            TimelineStore timeline, ParleyConfig config) {
        AdminWrites writes = new AdminWrites(db, workspace, config.publicBaseUrl());
        AdminInput input = new AdminInput(config.skills());
        AdminStore store = new AdminStore();
        AdminUnassign unassign = new AdminUnassign(conversations, timeline, chatbot);
        DeliveryLog log = new DeliveryLog();
        this.bots = new AdminBots(writes, input, store, unassign, log);
        this.resources = List.of(bots, new AdminOperators(writes, input, store, unassign),
                new AdminGroups(writes, input, store), new AdminWidgets(writes, input, store));
        this.deliveries = new AdminDeliveries(db, bots, log);
        this.channels = new AdminChannels(writes, new ChannelStore(db), new ChannelActivity(db, Clock.systemUTC()),
                System.getenv(), Path.of("").toAbsolutePath());
    }

    /** {@code me}, when an admin; agents get 403. */
    public static Operator requireAdmin(Operator me) {
        if (me.role() != Role.ADMIN) {
            throw new ClientError(ClientError.Kind.FORBIDDEN, "forbidden",
                    "only admins see and change the workspace configuration", Optional.empty(), Optional.empty());
        }
        return me;
    }

    public List<AdminResource> resources() {
        return resources;
    }

    public AdminBots bots() {
        return bots;
    }

    public AdminDeliveries deliveries() {
        return deliveries;
    }

    /** Messaging channels; credentials come from this process's environment or files. */
    public AdminChannels channels() {
        return channels;
    }
}
