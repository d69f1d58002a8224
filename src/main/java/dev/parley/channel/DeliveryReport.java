package dev.parley.channel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the vendor reports about messages Parley sent: {@code vendorMessageIds} (empty for a read receipt, which
 * covers everything sent to {@code vendorUserId} before {@code at}) reached {@code status}; {@code errors} are
 * the vendor's words for a failure.
 */
public record DeliveryReport(String vendorUserId, List<String> vendorMessageIds, Status status, Instant at,
        List<String> errors) {

    public enum Status { SENT, DELIVERED, READ, FAILED }

    public DeliveryReport {
        Objects.requireNonNull(vendorUserId, "vendorUserId");
        vendorMessageIds = List.copyOf(vendorMessageIds);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        errors = List.copyOf(errors);
    }

    public String wire() {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
