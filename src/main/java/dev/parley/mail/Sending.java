package dev.parley.mail;

/** How sending one e-mail ended. */
public sealed interface Sending {

    /** The mail server took the message. */
    record Sent() implements Sending {}

    /** The mail server refused a recipient or the message for good (5xx); sending it again fails again. */
    record Refused(String error) implements Sending {}

    /** Sending failed for a reason that may pass (server unreachable, timeout, 4xx). */
    record Failed(String error) implements Sending {}
}
