package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.channel.meta.MetaMarkup;
import java.util.List;
import java.util.Optional;

/**
 * Chooses how a choice message shows on WhatsApp (channels.md §2): {@code bubbles} → reply buttons (≤ 3 options)
 * or a list (≤ 10 options, every label ≤ 20); {@code button_template} → reply buttons with header and footer;
 * {@code list_template} → a list message; whatever would break one of Meta's limits falls back to the next
 * form, and last to the numbered text, so nothing is refused at Meta.
 */
public final class WhatsAppChoices {
    /** The label of the button that opens a list when the prompt gives none. */
    static final String LIST_BUTTON = "Options";
    private static final int BUBBLE_LIST_LABEL = 20;

    private WhatsAppChoices() {}

    /** The request(s) showing {@code prompt} to {@code to}. */
    public static List<ObjectNode> render(String to, ChoicePrompt prompt) {
        return form(prompt).map(message -> List.of(WhatsAppRequests.request(to, message)))
                .orElseGet(() -> WhatsAppRequests.plainTexts(to,
                        prompt.numbered(markdown -> MetaMarkup.render(markdown, MetaMarkup.Flavor.WHATSAPP))));
    }

    /** The interactive message for {@code prompt}; empty when only the numbered text fits. */
    public static Optional<WhatsAppMessage> form(ChoicePrompt prompt) {
        String body = MetaMarkup.render(prompt.text().isBlank() ? prompt.fallback() : prompt.text(),
                MetaMarkup.Flavor.WHATSAPP);
        Optional<String> header = WhatsAppRequests.present(prompt.header());
        Optional<String> footer = WhatsAppRequests.present(prompt.footer());
        return switch (prompt.form()) {
            case BUBBLES -> sendable(buttons(body, Optional.empty(), Optional.empty(), prompt))
                    .or(() -> prompt.options().stream().allMatch(o -> length(o.label()) <= BUBBLE_LIST_LABEL)
                            ? sendable(list(body, Optional.empty(), Optional.empty(), prompt)) : Optional.empty());
            case BUTTON_TEMPLATE -> sendable(buttons(body, header, footer, prompt))
                    .or(() -> sendable(list(body, header, footer, prompt)));
            case LIST_TEMPLATE -> sendable(list(body, header, footer, prompt));
        };
    }

    private static WhatsAppMessage buttons(String body, Optional<String> header, Optional<String> footer,
            ChoicePrompt prompt) {
        return new WhatsAppMessage.Buttons(body, header.map(Header.Text::new), footer, prompt.options().stream()
                .map(o -> new WhatsAppMessage.Reply(o.token(), o.label())).toList());
    }

    private static WhatsAppMessage list(String body, Optional<String> header, Optional<String> footer,
            ChoicePrompt prompt) {
        List<WhatsAppMessage.Row> rows = prompt.options().stream()
                .map(o -> new WhatsAppMessage.Row(o.token(), o.label(), WhatsAppRequests.present(o.description())))
                .toList();
        return new WhatsAppMessage.ListMessage(body, header, footer, LIST_BUTTON,
                List.of(new WhatsAppMessage.Section(Optional.empty(), rows)));
    }

    private static Optional<WhatsAppMessage> sendable(WhatsAppMessage message) {
        return message.problems().isEmpty() ? Optional.of(message) : Optional.empty();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
