package dev.parley.channel.meta;

/** A vendor body that is not the vendor's documented shape; the message names the field and the rule. */
public final class ShapeException extends RuntimeException {
    public ShapeException(String message) {
        super(message);
    }
}
