package dev.parley.addon;

import java.util.Locale;

/** Where a dispatch is: waiting for the end, queued in the outbox, or finished one way or the other. */
enum DispatchStatus {
    PENDING, QUEUED, DELIVERED, FAILED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DispatchStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
