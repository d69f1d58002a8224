package dev.parley.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long Parley keeps what it no longer needs ({@code retention:} in parley.yml); each is kept
 * forever when not set.
 *
 * @param endedConversations how long after its last activity an ended conversation keeps its content
 * @param deliveryLogBodies  how long webhook delivery-log entries keep their request and response bodies
 * @param deadLetters        how long outbox and Braze dead letters are kept
 * @param media              how long stored files are kept
 */
public record RetentionConfig(Optional<Duration> endedConversations, Optional<Duration> deliveryLogBodies,
        Optional<Duration> deadLetters, Optional<Duration> media) {

    /** Everything kept forever: the default. */
    public static final RetentionConfig KEEP_ALL = new RetentionConfig(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public RetentionConfig {
        Objects.requireNonNull(endedConversations, "endedConversations");
        Objects.requireNonNull(deliveryLogBodies, "deliveryLogBodies");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(media, "media");
    }

    /** True when anything is ever removed. */
    public boolean removesAnything() {
        return !equals(KEEP_ALL);
    }
}
