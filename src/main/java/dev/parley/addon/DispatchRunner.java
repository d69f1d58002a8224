package dev.parley.addon;

import dev.parley.outbox.OutboxEntry;

/** Runs the dispatches of one outbox kind: add-ons, or transcript e-mails. */
interface DispatchRunner {

    String kind();

    /** One attempt; {@code entry} gives the idempotency key ({@code eventId}) and the attempt number. */
    Attempt run(Dispatch dispatch, EndedConversation conversation, OutboxEntry entry);
}
