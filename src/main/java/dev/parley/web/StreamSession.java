package dev.parley.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.LiveHub;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.json.Json;
import dev.parley.store.Database;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream. A pushed item that directly follows the last one sent goes out as it is; any
 * other push makes the sender read the store from the last {@code seq} it sent, so items go out
 * complete, in order, and once — whatever the push timing.
 */
final class StreamSession implements LiveHub.Listener {
    private static final Logger log = LoggerFactory.getLogger(StreamSession.class);

    private sealed interface Command {
        record Pushed(TimelineItem item) implements Command {}

        record Resume(long after) implements Command {}

        record Signal(ObjectNode signal) implements Command {}

        record Stop() implements Command {}
    }

    private final WsContext ctx;
    private final String conversationId;
    private final Database db;
    private final TimelineStore timeline;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private LiveHub.Subscription subscription;
    private long lastSent = -1;

    String conversationId() {
        return conversationId;
    }

    StreamSession(WsContext ctx, String conversationId, Database db, TimelineStore timeline) {
        this.ctx = ctx;
        this.conversationId = conversationId;
        this.db = db;
        this.timeline = timeline;
    }

    void start(LiveHub.Subscription sub) {
        this.subscription = sub;
        Thread.ofVirtual().name("stream-" + conversationId).start(this::run);
    }

    void resume(long after) {
        commands.add(new Command.Resume(after));
    }

    void close() {
        subscription.close();
        commands.add(new Command.Stop());
    }

    @Override
    public void item(TimelineItem item) {
        if (item.visibleToContact()) {
            commands.add(new Command.Pushed(item));
        }
    }

    @Override
    public void signal(ObjectNode signal) {
        commands.add(new Command.Signal(signal));
    }

    private void run() {
        try {
            while (true) {
                Command c = commands.take();
                switch (c) {
                    case Command.Stop stop -> {
                        return;
                    }
                    case Command.Resume r -> {
                        lastSent = r.after();
                        catchUp();
                    }
                    case Command.Pushed pushed -> {
                        if (lastSent >= 0 && pushed.item().seq() == lastSent + 1) {
                            send(pushed.item());
                        } else if (lastSent >= 0 && pushed.item().seq() > lastSent) {
                            catchUp();
                        }
                    }
                    case Command.Signal s -> ctx.send(Json.write(s.signal()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("stream of {} closed: {}", conversationId, e.getMessage());
            subscription.close();
        }
    }

    private void send(TimelineItem item) {
        ObjectNode json = item.toJson();
        json.put("type", "item");
        ctx.send(Json.write(json));
        lastSent = item.seq();
    }

    /** Reads what came after the last item sent: pushes can arrive out of order or skip hidden items. */
    private void catchUp() {
        List<TimelineItem> items;
        do {
            items = db.read(h -> timeline.after(h, conversationId, lastSent, 500, true));
            items.forEach(this::send);
        } while (items.size() == 500);
    }
}
