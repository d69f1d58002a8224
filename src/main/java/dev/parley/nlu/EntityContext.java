package dev.parley.nlu;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * What extraction needs to know about the conversation: its time now in its time zone (for
 * "tomorrow at 3"), the region assumed for phone numbers without a country code, and the language.
 */
public record EntityContext(ZonedDateTime now, Optional<String> region, String language) {
}
