package dev.parley.channel;

import dev.parley.store.Tx;

/**
 * Where a contact's opt-out at the carrier is recorded when a vendor refuses a send for it (Twilio's 21610: the
 * contact replied STOP to the number), so that Parley's campaign subscription agrees with what the carrier
 * enforces. Implemented by the campaigns.
 */
public interface CarrierOptOuts {

    /** The contact {@code contactId} opted out of messages on channel {@code channelId}; in {@code tx}. */
    void optedOut(Tx tx, String contactId, String channelId);
}
