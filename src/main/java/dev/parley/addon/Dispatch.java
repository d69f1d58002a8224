package dev.parley.addon;

/** One stored dispatch of a conversation; {@code requestedBy} is the id of the bot that sent it. */
record Dispatch(String id, String conversationId, DispatchRequest request, String requestedBy,
        DispatchStatus status) {
}
