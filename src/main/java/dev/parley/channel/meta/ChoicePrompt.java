package dev.parley.channel.meta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A choice message as a channel receives it to render (chatbot spec §10): the form the bot asked for, its text,
 * the optional header and footer of the templates, the {@code fallback} text and the options, each with the
 * short opaque token that comes back when the contact picks it (see {@code dev.parley.channel.ChoiceTokens}).
 *
 * @param text     the question, in {@code markdown_v1}
 * @param fallback what is shown above the numbered options when the channel cannot show them as buttons
 */
public record ChoicePrompt(Form form, String text, Optional<String> header, Optional<String> footer, String fallback,
        List<Option> options) {

    public ChoicePrompt {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(footer, "footer");
        Objects.requireNonNull(fallback, "fallback");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a choice has at least one option");
        }
    }

    /** The choice packets that render as buttons where a channel can ({@code carousel} is always text). */
    public enum Form { BUBBLES, BUTTON_TEMPLATE, LIST_TEMPLATE }

    /**
     * One option.
     *
     * @param token       what the vendor sends back when it is picked (reply id, row id, payload), ≤ 64 bytes
     * @param description shown under the label where the channel can (WhatsApp list rows)
     */
    public record Option(String token, String label, Optional<String> description) {
        public Option {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * The text fallback (channels.md §2): the {@code fallback} text, then the options numbered {@code 1.},
     * {@code 2.}, … one per line; the contact answers with a number. {@code markup} renders the fallback's
     * {@code markdown_v1} for the channel; the labels are shown as they are.
     */
    public String numbered(UnaryOperator<String> markup) {
        StringBuilder text = new StringBuilder(markup.apply(fallback.isBlank() ? this.text : fallback));
        for (int i = 0; i < options.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(options.get(i).label());
        }
        return text.toString().strip();
    }
}
