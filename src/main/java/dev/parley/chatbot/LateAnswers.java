package dev.parley.chatbot;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers to webhook calls that came after Parley stopped waiting. While the event is still its
 * session's current one (no later event of the session went out), such an answer is applied — once:
 * whichever answer with events to that event comes first wins, the late one or a retry's.
 * Kept in memory: a late answer arrives on the connection of the call, which a restart closes anyway.
 */
final class LateAnswers {
    private record Pending(String eventId, AtomicBoolean applied) {}

    private final ConcurrentHashMap<String, Pending> byCid = new ConcurrentHashMap<>();

    /** An attempt of {@code eventId} goes out: answers still awaited for earlier events of the session lapse. */
    void sending(String cid, String eventId) {
        byCid.computeIfPresent(cid, (k, p) -> p.eventId().equals(eventId) ? p : null);
    }

    /** An attempt of {@code eventId} got no answer in time; its answer may still come. */
    void awaiting(String cid, String eventId) {
        byCid.compute(cid, (k, p) -> p != null && p.eventId().equals(eventId) ? p
                : new Pending(eventId, new AtomicBoolean()));
    }

    /**
     * Claims the right to apply the events of an answer to {@code eventId}. A late answer needs its event
     * to be still awaited and no other answer's events applied; an answer in time only the latter.
     */
    boolean claim(String cid, String eventId, boolean late) {
        Pending p = byCid.get(cid);
        if (p == null || !p.eventId().equals(eventId)) {
            return !late;
        }
        return p.applied().compareAndSet(false, true);
    }
}
