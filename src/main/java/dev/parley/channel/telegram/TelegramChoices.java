package dev.parley.channel.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A choice message on Telegram (channels.md §2): {@code bubbles}, {@code button_template} and {@code
 * list_template} alike become the text with an inline keyboard, one button per row, each button's {@code
 * callback_data} the option's choice token; header, footer and row descriptions are dropped. When a limit would
 * break (a token over 64 bytes, a text over 4,096 units, too many buttons) it is the numbered text instead.
 */
public final class TelegramChoices {
    private TelegramChoices() {}

    /** The request(s) showing {@code prompt} in chat {@code chatId}. */
    static List<TelegramRequest> render(String chatId, ChoicePrompt prompt) {
        return keyboard(prompt).map(text -> List.of(TelegramRequests.message(chatId, text.text(), text.entities(),
                        Optional.of(markup(prompt)))))
                .orElseGet(() -> TelegramRequests.plainTexts(chatId, numbered(prompt)));
    }

    /** The text shown above the inline keyboard; empty when only the numbered text fits. */
    public static Optional<TelegramText> keyboard(ChoicePrompt prompt) {
        TelegramText text = TelegramMarkup.render(prompt.text().isBlank() ? prompt.fallback() : prompt.text());
        boolean fits = !text.text().isBlank() && text.length() <= TelegramLimits.TEXT
                && prompt.options().size() <= TelegramLimits.BUTTONS
                && prompt.options().stream().allMatch(o -> !o.label().isBlank() && fits(o.token()));
        return fits ? Optional.of(text) : Optional.empty();
    }

    /** The fallback text and the options numbered {@code 1.}, {@code 2.}, … */
    public static String numbered(ChoicePrompt prompt) {
        return prompt.numbered(markdown -> TelegramMarkup.render(markdown).text());
    }

    private static boolean fits(String token) {
        int bytes = token.getBytes(StandardCharsets.UTF_8).length;
        return bytes >= 1 && bytes <= TelegramLimits.CALLBACK_DATA_BYTES;
    }

    private static ObjectNode markup(ChoicePrompt prompt) {
        ObjectNode markup = Json.object();
        ArrayNode rows = markup.putArray("inline_keyboard");
        prompt.options().forEach(o -> rows.addArray().addObject().put("text", o.label())
                .put("callback_data", o.token()));
        return markup;
    }
}
