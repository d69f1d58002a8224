package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.store.Database;
import java.time.Duration;
import java.util.List;

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
        return LongPoll.answer(wait, () -> read(conversationId, seq), items -> !items.isEmpty(),
                wake -> hub.subscribe(conversationId, new LiveHub.Listener() {
                    @Override
                    public void item(TimelineItem item) {
                        if (item.visibleToContact() && item.seq() > seq) {
                            wake.run();
                        }
                    }

                    @Override
                    public void signal(ObjectNode signal) {
                        // typing signals do not end a long poll
                    }
                }));
    }

    private List<TimelineItem> read(String conversationId, long seq) {
        return db.read(h -> timeline.after(h, conversationId, seq, PAGE, true));
    }
}
