package dev.parley.channel;

import dev.parley.conversation.Packet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of the vendor, normalised: {@code vendorMessageId} de-duplicates the vendor's retries,
 * {@code vendorUserId} identifies the contact on the channel (WhatsApp {@code wa_id}, Messenger PSID…),
 * and {@code packets} are what the contact did ({@code message}, {@code media}, {@code location},
 * {@code click}…).
 */
public record InboundMessage(String vendorMessageId, String vendorUserId, Instant at, List<Packet> packets) {
    public InboundMessage {
        Objects.requireNonNull(vendorMessageId, "vendorMessageId");
        Objects.requireNonNull(vendorUserId, "vendorUserId");
        Objects.requireNonNull(at, "at");
        packets = List.copyOf(packets);
    }
}
