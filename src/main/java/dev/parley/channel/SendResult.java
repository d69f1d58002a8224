package dev.parley.channel;

import java.time.Duration;
import java.util.Optional;

/** How sending one packet to the vendor went. */
public sealed interface SendResult {

    /**
     * The vendor took it (all its parts); {@code vendorMessageId} (WhatsApp {@code wamid}, Messenger {@code mid}) is
     * the first part's, and is recorded.
     */
    record Sent(String vendorMessageId) implements SendResult {}

    /**
     * 5xx, 429 or a network error: try again later, in order, honouring the vendor's {@code retryAfter}. {@code sent}
     * are the packet's parts the vendor took so far (on this attempt and before): the retry starts after them.
     */
    record Retry(String reason, Optional<Duration> retryAfter, SentParts sent) implements SendResult {}

    /**
     * The vendor will never take it (undeliverable, re-engagement required, invalid token…): shown on the
     * conversation's timeline and in the console. {@code code} is the vendor's error code.
     */
    record Permanent(String code, String reason) implements SendResult {}
}
