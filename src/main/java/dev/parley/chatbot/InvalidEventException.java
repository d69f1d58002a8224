package dev.parley.chatbot;

/** A triggerable event (or its envelope) breaks a rule; names the JSON path and the rule. */
public final class InvalidEventException extends RuntimeException {
    private final String code;
    private final String path;

    InvalidEventException(String code, String path, String message) {
        super(message);
        this.code = code;
        this.path = path;
    }

    public String code() {
        return code;
    }

    public String path() {
        return path;
    }
}
