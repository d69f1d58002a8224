package dev.parley.channel;

import dev.parley.conversation.Packet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of the vendor, normalised: {@code vendorMessageId} de-duplicates the vendor's retries,
 * {@code vendorUserId} identifies the contact on the channel (WhatsApp {@code wa_id}, Messenger PSID…),
 * {@code name} is the name the vendor gives them, if any, and {@code packets} are what the contact did
 * ({@code message}, {@code media}, {@code location}, {@code click}…). A {@code click} here carries the choice
 * token as its option id and the label the vendor echoed; the inbound pipeline resolves it.
 */
public record InboundMessage(String vendorMessageId, String vendorUserId, Optional<String> name, Instant at,
        List<Packet> packets) {
    public InboundMessage {
        Objects.requireNonNull(vendorMessageId, "vendorMessageId");
        Objects.requireNonNull(vendorUserId, "vendorUserId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        packets = List.copyOf(packets);
    }
}
