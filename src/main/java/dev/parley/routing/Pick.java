package dev.parley.routing;

/** Who a conversation goes to. */
public sealed interface Pick {
    /** A bot takes it: a new bot session. */
    record ToBot(Bot bot) implements Pick {}

    /** A human operator takes it. */
    record ToOperator(Operator operator) implements Pick {}

    /** Nobody is available: the conversation waits in the inbox. */
    record Nobody() implements Pick {}
}
