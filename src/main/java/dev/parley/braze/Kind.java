package dev.parley.braze;

import java.util.Locale;

/** The three arrays of a {@code /users/track} body. */
enum Kind {
    ATTRIBUTES, EVENTS, PURCHASES;

    /** The array's name in the body, such as {@code events}. */
    String array() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Kind ofArray(String array) {
        return valueOf(array.toUpperCase(Locale.ROOT));
    }
}
