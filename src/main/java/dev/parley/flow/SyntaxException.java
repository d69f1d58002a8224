package dev.parley.flow;

/** A template or a condition that cannot be parsed; the message says where and what is expected. */
final class SyntaxException extends RuntimeException {

    SyntaxException(String message) {
        super(message);
    }
}
