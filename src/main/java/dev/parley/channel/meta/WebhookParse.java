package dev.parley.channel.meta;

import java.util.List;

/**
 * What parsing a verified webhook body gave: the vendor's events, or why the body is not what the vendor sends
 * (answered with a 400 naming the field and the rule).
 *
 * @param <T> the vendor's inbound event type
 */
public sealed interface WebhookParse<T> {

    /** The events of the body, in the order the vendor listed them; empty when it holds none Parley reads. */
    record Parsed<T>(List<T> events) implements WebhookParse<T> {
        public Parsed {
            events = List.copyOf(events);
        }
    }

    /** The body is not JSON or not the vendor's shape: {@code detail} names the field (a JSON path) and the rule. */
    record Rejected<T>(String detail) implements WebhookParse<T> {}
}
