package dev.parley.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of a widget's web page tags are sent to Braze as custom events: the {@code braze.page_tags} key
 * of a widget.
 *
 * @param identifyBy how the Braze user is named, in order of preference: the first the contact has is used
 * @param only       the tag names sent; empty when every tag is
 * @param event      the one name of every event sent, the tag's name then going in property {@code tag};
 *                   empty when each event is named after its tag
 */
public record BrazePageTags(List<BrazeRetargeting.IdentifyBy> identifyBy, Optional<List<String>> only,
        Optional<String> event) {

    public BrazePageTags {
        identifyBy = List.copyOf(identifyBy);
        only = only.map(List::copyOf);
        Objects.requireNonNull(event, "event");
        if (identifyBy.isEmpty()) {
            throw new IllegalArgumentException("identifyBy must name at least one identifier");
        }
    }

    /** Every tag, named after itself, the user named by any identifier. */
    public static BrazePageTags defaults() {
        return new BrazePageTags(BrazeRetargeting.defaults().identifyBy(), Optional.empty(), Optional.empty());
    }

    /** Whether tag {@code name} is sent. */
    public boolean sends(String name) {
        return only.map(names -> names.contains(name)).orElse(true);
    }
}
