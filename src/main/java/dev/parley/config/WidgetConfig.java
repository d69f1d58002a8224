package dev.parley.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A website widget through which contacts open conversations with a group.
 *
 * @param registration      whether the contact must give name and e-mail before chatting
 * @param liveTimeout       inactivity after which a live conversation ends, if any
 * @param serviceHours      when humans serve the widget, if restricted
 * @param chatbotAssignment whether the group's bots may take the widget's conversations
 * @param braze             what is sent to Braze when a conversation of the widget ends, if anything
 * @param brazePageTags     which of the contacts' page tags are sent to Braze as custom events, if any
 * @param identity          the key of signed visitor identity, if the site identifies its logged-in users
 * @param phoneRegion       the region (ISO 3166 code, e.g. {@code DE}) in which national phone numbers that
 *                          bots send for the widget's contacts are read, if any
 * @param locale            the language of the widget's texts (a BCP 47 tag such as {@code de} or {@code de-AT}),
 *                          if set; else the visitor's browser decides
 */
public record WidgetConfig(String id, String name, String group, boolean registration,
        Optional<Duration> liveTimeout, Optional<ServiceHours> serviceHours, boolean chatbotAssignment,
        Optional<BrazeRetargeting> braze, Optional<BrazePageTags> brazePageTags, Optional<WidgetIdentity> identity,
        Optional<String> phoneRegion, Optional<String> locale) {

    public WidgetConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(liveTimeout, "liveTimeout");
        Objects.requireNonNull(serviceHours, "serviceHours");
        Objects.requireNonNull(braze, "braze");
        Objects.requireNonNull(brazePageTags, "brazePageTags");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(phoneRegion, "phoneRegion");
        Objects.requireNonNull(locale, "locale");
    }

    /** Widget id → language tag, of the widgets that set a locale. */
    public static Map<String, String> locales(List<WidgetConfig> widgets) {
        return widgets.stream().filter(w -> w.locale().isPresent())
                .collect(Collectors.toUnmodifiableMap(WidgetConfig::id, w -> w.locale().orElseThrow()));
    }

    /** A widget that sends nothing to Braze and does not identify visitors. */
    public WidgetConfig(String id, String name, String group, boolean registration, Optional<Duration> liveTimeout,
            Optional<ServiceHours> serviceHours, boolean chatbotAssignment) {
        this(id, name, group, registration, liveTimeout, serviceHours, chatbotAssignment, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
