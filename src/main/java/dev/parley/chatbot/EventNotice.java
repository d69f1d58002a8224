package dev.parley.chatbot;

/**
 * Something in an event Parley did not take as sent but that did not stop the event: a context over
 * 10 KB (refused, the event still applies in a webhook answer), an unknown {@code text_format} (shown
 * as plain text). {@code path} is the JSON path of the field.
 */
public record EventNotice(String code, String path, String message) {
    static final String CONTEXT_TOO_LARGE = "context_too_large";
    static final String TEXT_FORMAT = "unknown_text_format";
}
