package dev.parley.channel.messenger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.channel.meta.MetaMarkup;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chooses how a choice message shows on Messenger (channels.md §2): {@code bubbles} → a button template
 * (≤ 3 options) or quick replies (≤ 13, labels ≤ 20); {@code button_template} → a button template, its header
 * and footer as lines of the text; {@code list_template} → quick replies; whatever would break a limit falls
 * back to the numbered text.
 */
public final class MessengerChoices {
    private MessengerChoices() {}

    /** The request(s) showing {@code prompt} to {@code psid}. */
    public static List<ObjectNode> render(String psid, ChoicePrompt prompt) {
        return form(prompt).map(message -> List.of(MessengerRequests.request(psid, message)))
                .orElseGet(() -> MessengerRequests.plainTexts(psid, prompt.numbered(MessengerChoices::markup)));
    }

    /** The message with buttons for {@code prompt}; empty when only the numbered text fits. */
    public static Optional<MessengerMessage> form(ChoicePrompt prompt) {
        String body = markup(prompt.text().isBlank() ? prompt.fallback() : prompt.text());
        List<MessengerMessage.Choice> choices = prompt.options().stream()
                .map(o -> new MessengerMessage.Choice(o.label(), o.token())).toList();
        return switch (prompt.form()) {
            case BUBBLES -> sendable(new MessengerMessage.ButtonTemplate(body, choices))
                    .or(() -> sendable(new MessengerMessage.QuickReplies(body, choices)));
            case BUTTON_TEMPLATE -> sendable(new MessengerMessage.ButtonTemplate(String.join("\n\n", Stream.of(
                    prompt.header().map(MessengerChoices::markup), Optional.of(body),
                    prompt.footer().map(MessengerChoices::markup)).flatMap(Optional::stream)
                    .filter(t -> !t.isBlank()).toList()), choices))
                    .or(() -> sendable(new MessengerMessage.QuickReplies(body, choices)));
            case LIST_TEMPLATE -> sendable(new MessengerMessage.QuickReplies(body, choices));
        };
    }

    private static Optional<MessengerMessage> sendable(MessengerMessage message) {
        return message.problems().isEmpty() ? Optional.of(message) : Optional.empty();
    }

    private static String markup(String markdown) {
        return MetaMarkup.render(markdown, MetaMarkup.Flavor.MESSENGER);
    }
}
