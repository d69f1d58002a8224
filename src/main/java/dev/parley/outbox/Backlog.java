package dev.parley.outbox;

import java.time.Instant;
import java.util.Optional;

/** The entries of one kind waiting in the outbox: how many, and when the oldest of them was queued. */
public record Backlog(long depth, Optional<Instant> oldest) {
    public static final Backlog NONE = new Backlog(0, Optional.empty());
}
