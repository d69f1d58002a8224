package dev.parley.operator;

import dev.parley.conversation.LiveHub;
import dev.parley.conversation.TimelineStore;
import dev.parley.routing.Operator;
import dev.parley.store.Database;

/** Opens the live streams of the console ({@link OperatorStream}), one per connected operator. */
public final class OperatorStreams {
    private final Database db;
    private final TimelineStore timeline;
    private final LiveHub hub;
    private final ConversationQueries queries;
    private final OperatorFeed feed;

    public OperatorStreams(Database db, TimelineStore timeline, LiveHub hub, ConversationQueries queries) {
        this.db = db;
        this.timeline = timeline;
        this.hub = hub;
        this.queries = queries;
        this.feed = new OperatorFeed(hub, queries);
    }

    /** Starts a stream for {@code me} that writes its frames to {@code sink}; close it when the socket closes. */
    public OperatorStream open(Operator me, OperatorStream.Sink sink) {
        OperatorStream stream = new OperatorStream(me, sink, db, timeline, hub, queries);
        stream.start(feed);
        return stream;
    }
}
