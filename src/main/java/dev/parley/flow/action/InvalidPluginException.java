package dev.parley.flow.action;

/** A jar in the plugins folder cannot be used; the message names the jar and what is wrong. Parley does not start. */
public final class InvalidPluginException extends RuntimeException {

    InvalidPluginException(String message) {
        super(message);
    }

    InvalidPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
