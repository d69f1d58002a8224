package dev.parley.routing;

import dev.parley.config.Behavior;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Picks who takes a conversation (platform spec §5): a {@code firewall} bot first; else the least
 * loaded available operator — humans with free slots, {@code human} bots, {@code service_time} bots
 * outside service hours, {@code backup} bots when no human is available; else nobody (inbox).
 * Load is read from the sessions and assignments tables.
 */
public final class Router {
    private final WorkspaceStore workspace;
    private final Clock clock;

    public Router(WorkspaceStore workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Who takes a new conversation of {@code widget}; only humans when bots are not allowed. */
    public Pick forNewConversation(Handle h, Widget widget, boolean botsAllowed) {
        List<Bot> bots = botsAllowed ? workspace.botsOfGroup(h, widget.groupId()) : List.of();
        for (Bot bot : bots) {
            if (bot.behavior() == Behavior.FIREWALL && hasFreeSlot(h, bot)) {
                return new Pick.ToBot(bot);
            }
        }
        List<Operator> humans = availableHumans(h, workspace.operatorsOfGroup(h, widget.groupId()));
        boolean inServiceHours = widget.serviceHours()
                .map(sh -> sh.isOpen(ZonedDateTime.now(clock.withZone(sh.zone()))))
                .orElse(true);
        List<Candidate> candidates = new ArrayList<>();
        humans.forEach(o -> candidates.add(new Candidate(new Pick.ToOperator(o), load(h, o), o.slots())));
        for (Bot bot : bots) {
            boolean online = switch (bot.behavior()) {
                case HUMAN -> true;
                case SERVICE_TIME -> !inServiceHours;
                case BACKUP -> humans.isEmpty();
                case FIREWALL -> false;
            };
            if (online && hasFreeSlot(h, bot)) {
                candidates.add(new Candidate(new Pick.ToBot(bot), activeSessions(h, bot), bot.slots()));
            }
        }
        return leastLoaded(candidates);
    }

    /** A forward to humans of a group (or of any group), needing all of {@code skills}. */
    public Pick forForward(Handle h, Optional<String> groupId, List<String> skills) {
        List<Operator> all = groupId.map(g -> workspace.operatorsOfGroup(h, g)).orElseGet(() -> workspace.operators(h));
        List<Operator> pool = all.stream()
                .filter(o -> o.skills().containsAll(skills)).toList();
        List<Candidate> candidates = availableHumans(h, pool).stream()
                .map(o -> new Candidate(new Pick.ToOperator(o), load(h, o), o.slots())).toList();
        return leastLoaded(candidates);
    }

    /** Humans who are online and have a free slot. */
    private List<Operator> availableHumans(Handle h, List<Operator> operators) {
        return operators.stream().filter(o -> "online".equals(o.status()) && load(h, o) < o.slots()).toList();
    }

    private static Pick leastLoaded(List<Candidate> candidates) {
        return candidates.stream()
                .min(Comparator.comparingDouble(Candidate::ratio))
                .map(Candidate::pick)
                .orElseGet(Pick.Nobody::new);
    }

    private boolean hasFreeSlot(Handle h, Bot bot) {
        return activeSessions(h, bot) < bot.slots();
    }

    private static int activeSessions(Handle h, Bot bot) {
        return h.createQuery("SELECT COUNT(*) FROM bot_sessions WHERE bot_id = :b AND status = 'active'")
                .bind("b", bot.id()).mapTo(Integer.class).one();
    }

    private static int load(Handle h, Operator o) {
        return h.createQuery("""
                SELECT COUNT(*) FROM conversations
                WHERE assignee_type = 'operator' AND assignee_id = :o AND status = 'assigned'""")
                .bind("o", o.id()).mapTo(Integer.class).one();
    }

    private record Candidate(Pick pick, int load, int slots) {
        double ratio() {
            return (double) load / slots;
        }
    }
}
