package dev.parley.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code limits}: what one anonymous contact, and one client address, may do on the contact API.
 * Defaults leave a real visitor (and an office behind one address) far from every limit.
 *
 * @param openPerAddress       conversations opened per client address
 * @param writePerContact      messages, clicks, registrations and page events per contact
 * @param writePerAddress      the same per client address
 * @param uploadPerContact     files uploaded (or fetched by URL) per contact
 * @param uploadPerAddress     the same per client address
 * @param mediaPerConversation bytes of files contacts may store in one conversation
 */
public record ContactLimitsConfig(Rate openPerAddress, Rate writePerContact, Rate writePerAddress,
        Rate uploadPerContact, Rate uploadPerAddress, long mediaPerConversation) {
    public static final ContactLimitsConfig DEFAULTS = new ContactLimitsConfig(
            Rate.of(120, Duration.ofMinutes(1)),
            Rate.of(120, Duration.ofMinutes(1)),
            Rate.of(1200, Duration.ofMinutes(1)),
            Rate.of(30, Duration.ofMinutes(10)),
            Rate.of(300, Duration.ofMinutes(10)),
            200L * 1024 * 1024);

    public ContactLimitsConfig {
        Objects.requireNonNull(openPerAddress, "openPerAddress");
        Objects.requireNonNull(writePerContact, "writePerContact");
        Objects.requireNonNull(writePerAddress, "writePerAddress");
        Objects.requireNonNull(uploadPerContact, "uploadPerContact");
        Objects.requireNonNull(uploadPerAddress, "uploadPerAddress");
        if (mediaPerConversation < 1) {
            throw new IllegalArgumentException("media_per_conversation must be at least 1 byte");
        }
    }
}
