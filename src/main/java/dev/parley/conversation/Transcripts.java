package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads a contact's transcript, long-polling for new items when asked to. */
public final class Transcripts {
    private static final int PAGE = 500;

    private final Database db;
    private final TimelineStore timeline;
    private final LiveHub hub;

    public Transcripts(Database db, TimelineStore timeline, LiveHub hub) {
        this.db = db;
        this.timeline = timeline;
        this.hub = hub;
    }

    /** Items the contact sees after {@code seq}; waits up to {@code wait} when there are none yet. */
    public List<TimelineItem> after(String conversationId, long seq, Duration wait) {
        List<TimelineItem> items = read(conversationId, seq);
        if (!items.isEmpty() || wait.isZero()) {
            return items;
        }
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        try (LiveHub.Subscription ignored = hub.subscribe(conversationId, new LiveHub.Listener() {
            @Override
            public void item(TimelineItem item) {
                if (item.visibleToContact() && item.seq() > seq) {
                    arrived.complete(null);
                }
            }

            @Override
            public void signal(ObjectNode signal) {
                // typing signals do not end a long poll
            }
        })) {
            items = read(conversationId, seq);
            if (!items.isEmpty()) {
                return items;
            }
            arrived.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return read(conversationId, seq);
    }

    private List<TimelineItem> read(String conversationId, long seq) {
        return db.read(h -> timeline.after(h, conversationId, seq, PAGE, true));
    }
}
