package dev.parley.channel.whatsapp;

import java.util.List;
import java.util.Optional;

/**
 * A template component with its parameters: {@code header}, {@code body}, or {@code button} with a
 * {@code subType} ({@code quick_reply}, {@code url}) and the button's {@code index}.
 */
public record TemplateComponent(String type, Optional<String> subType, Optional<Integer> index,
        List<Parameter> parameters) {

    public TemplateComponent {
        parameters = List.copyOf(parameters);
    }

    /** A value for one placeholder of the approved template. */
    public sealed interface Parameter {
        record Text(String text) implements Parameter {}

        /** What a quick-reply button sends back when tapped. */
        record Payload(String payload) implements Parameter {}

        record Currency(String fallback, String code, long amount1000) implements Parameter {}

        record DateTime(String fallback) implements Parameter {}

        record Media(WhatsAppInbound.MediaKind kind, MediaSource source) implements Parameter {}
    }
}
