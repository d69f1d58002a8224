package dev.parley.config;

/** What happens to a bot conversation after its inactivity timeout; written {@code end}, {@code unassign} or {@code forward}. */
public enum TimeoutAction {
    /** The conversation ends. */
    END,
    /** The conversation goes to the inbox. */
    UNASSIGN,
    /** The conversation goes to an available human of the group, else to the inbox. */
    FORWARD
}
