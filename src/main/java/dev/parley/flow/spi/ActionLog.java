package dev.parley.flow.spi;

/**
 * Writes lines into the conversation's timeline, visible to admins in the console (never shown to
 * the contact). Never pass secrets or whole message bodies.
 */
public interface ActionLog {

    void info(String message);

    void warn(String message);
}
