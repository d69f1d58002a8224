package dev.parley.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import dev.parley.routing.Operator;
import dev.parley.store.Database;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator's live stream: the list entry of every conversation the operator may see whenever it
 * changes, and the full timeline (internal items included) of the conversations the operator watches,
 * each resumed from a {@code seq}. One sender thread writes every frame, so frames go out in order; a
 * pushed item that does not directly follow the last one sent makes it read the store instead, so each
 * item goes out once and none is skipped.
 */
public final class OperatorStream implements AutoCloseable {
    static final int MAX_WATCHED = 20;
    private static final Logger log = LoggerFactory.getLogger(OperatorStream.class);

    /** Where the frames go (the socket). */
    @FunctionalInterface
    public interface Sink {
        /** Sends one frame; throws {@link Revoked} when the operator may receive none any more (ends the stream). */
        void send(String frame);
    }

    /** The operator's access ended while the stream was open. */
    public static final class Revoked extends RuntimeException {
        public Revoked(String operatorId) {
            super("the access of operator '" + operatorId + "' was revoked", null, false, false);
        }
    }

    private sealed interface Command {
        record Changed(ConversationQueries.Summary summary) implements Command {}

        record Watch(String conversationId, long after) implements Command {}

        record Unwatch(String conversationId) implements Command {}

        record Pushed(TimelineItem item) implements Command {}

        record Signal(String conversationId, ObjectNode signal) implements Command {}

        record Refused(String code, String message) implements Command {}

        record Stop() implements Command {}
    }

    /** A watched conversation; touched by the sender thread only. */
    private static final class Watched {
        final LiveHub.Subscription subscription;
        long lastSent;

        Watched(LiveHub.Subscription subscription) {
            this.subscription = subscription;
        }
    }

    private final Operator me;
    private final Sink sink;
    private final Database db;
    private final TimelineStore timeline;
    private final LiveHub hub;
    private final ConversationQueries queries;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Map<String, Watched> watched = new HashMap<>();
    private LiveHub.Subscription feedSubscription;

    OperatorStream(Operator me, Sink sink, Database db, TimelineStore timeline, LiveHub hub,
            ConversationQueries queries) {
        this.me = me;
        this.sink = sink;
        this.db = db;
        this.timeline = timeline;
        this.hub = hub;
        this.queries = queries;
    }

    void start(OperatorFeed feed) {
        feedSubscription = feed.listen(summary -> commands.add(new Command.Changed(summary)));
        Thread.ofVirtual().name("operator-stream-" + me.id()).start(this::run);
    }

    /**
     * A frame from the console: {@code {"type": "watch", "conversation_id", "after"?}} or
     * {@code {"type": "unwatch", "conversation_id"}}. Anything else is answered with an error frame.
     */
    public void command(String frame) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(frame);
        } catch (IOException e) {
            commands.add(new Command.Refused("invalid_json", "a frame must be a JSON object"));
            return;
        }
        String type = n == null ? "" : n.path("type").asText("");
        JsonNode id = n == null ? null : n.get("conversation_id");
        if (!type.equals("watch") && !type.equals("unwatch")) {
            commands.add(new Command.Refused("invalid_frame", "type must be watch or unwatch"));
        } else if (id == null || !id.isTextual() || id.asText().isEmpty() || id.asText().length() > 64) {
            commands.add(new Command.Refused("invalid_frame", "conversation_id must be a conversation id"));
        } else if (type.equals("unwatch")) {
            commands.add(new Command.Unwatch(id.asText()));
        } else {
            JsonNode after = n.path("after");
            if (!after.isMissingNode() && !(after.canConvertToLong() && after.isIntegralNumber() && after.asLong() >= 0)) {
                commands.add(new Command.Refused("invalid_frame", "after must be a whole number of 0 or more"));
                return;
            }
            commands.add(new Command.Watch(id.asText(), after.asLong(0)));
        }
    }

    @Override
    public void close() {
        feedSubscription.close();
        commands.add(new Command.Stop());
    }

    private void run() {
        try {
            send(Json.object().put("type", "ready").set("operator", OperatorJson.operator(me)));
            while (true) {
                switch (commands.take()) {
                    case Command.Stop stop -> {
                        return;
                    }
                    case Command.Changed c -> {
                        if (ConversationAccess.visible(me, c.summary().status())) {
                            send(Json.object().put("type", "conversation").set("conversation", forMe(c.summary())));
                        }
                    }
                    case Command.Watch w -> watch(w.conversationId(), w.after());
                    case Command.Unwatch u -> Optional.ofNullable(watched.remove(u.conversationId()))
                            .ifPresent(x -> x.subscription.close());
                    case Command.Pushed p -> pushed(p.item());
                    case Command.Signal s -> {
                        if (watched.containsKey(s.conversationId())) {
                            send(s.signal().deepCopy().put("conversation_id", s.conversationId()));
                        }
                    }
                    case Command.Refused r -> send(error(r.code(), r.message()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Revoked e) {
            log.info("operator stream of {} closed: {}", me.id(), e.getMessage());
        } catch (RuntimeException e) {
            log.debug("operator stream of {} closed: {}", me.id(), e.getMessage());
        } finally {
            feedSubscription.close();
            watched.values().forEach(w -> w.subscription.close());
            watched.clear();
        }
    }

    private void watch(String conversationId, long after) {
        Watched w = watched.get(conversationId);
        if (w == null) {
            boolean visible = queries.summary(conversationId)
                    .filter(s -> ConversationAccess.visible(me, s.status())).isPresent();
            if (!visible) {
                send(error("not_found", "no conversation with id '" + conversationId + "'")
                        .put("conversation_id", conversationId));
                return;
            }
            if (watched.size() >= MAX_WATCHED) {
                send(error("too_many_watched", "a stream watches at most " + MAX_WATCHED
                        + " conversations at once; unwatch one first").put("conversation_id", conversationId));
                return;
            }
            w = new Watched(hub.subscribe(conversationId, new LiveHub.Listener() {
                @Override
                public void item(TimelineItem item) {
                    commands.add(new Command.Pushed(item));
                }

                @Override
                public void signal(ObjectNode signal) {
                    commands.add(new Command.Signal(conversationId, signal));
                }
            }));
            watched.put(conversationId, w);
        }
        w.lastSent = after;
        catchUp(conversationId, w);
    }

    private void pushed(TimelineItem item) {
        Watched w = watched.get(item.conversationId());
        if (w == null) {
            return;
        }
        if (item.seq() == w.lastSent + 1) {
            sendItem(w, item);
        } else if (item.seq() > w.lastSent) {
            catchUp(item.conversationId(), w);
        }
    }

    private void catchUp(String conversationId, Watched w) {
        List<TimelineItem> items;
        do {
            long from = w.lastSent;
            items = db.read(h -> timeline.after(h, conversationId, from, 500, false));
            items.forEach(i -> sendItem(w, i));
        } while (items.size() == 500);
    }

    private void sendItem(Watched w, TimelineItem item) {
        ObjectNode json = item.toJson();
        json.put("type", "item");
        json.put("conversation_id", item.conversationId());
        send(json);
        w.lastSent = item.seq();
    }

    /** The list entry with {@code me}'s own unread count. */
    private ObjectNode forMe(ConversationQueries.Summary summary) {
        ObjectNode json = summary.json().deepCopy();
        long unread = db.read(h -> ReadMarks.unread(h, me.id(), json.path("id").asText()));
        return json.put("unread", unread);
    }

    private static ObjectNode error(String code, String message) {
        return Json.object().put("type", "error").put("code", code).put("message", message);
    }

    private void send(ObjectNode frame) {
        sink.send(Json.write(frame));
    }
}
