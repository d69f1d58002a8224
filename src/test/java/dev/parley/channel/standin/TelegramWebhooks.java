package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;

/**
 * Updates exactly as Telegram posts them to a webhook (shapes of the Bot API's {@code Update}, {@code Message} and
 * {@code CallbackQuery}, as in Telegram's "Testing your bot with updates" samples, with the current callback query
 * shape: {@code chat_instance} and the {@code message} its button was on).
 */
public final class TelegramWebhooks {
    private TelegramWebhooks() {}

    /** A private-chat message from user {@code chatId} (Zoe Test) with {@code content} ({@code text}, {@code photo}…). */
    public static ObjectNode message(long updateId, long chatId, ObjectNode content) {
        ObjectNode update = Json.object().put("update_id", updateId);
        ObjectNode message = update.putObject("message").put("message_id", updateId % 100000).put("date", 1441645532);
        message.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Zoe")
                .put("last_name", "Test").put("username", "zoetest").put("language_code", "en");
        message.putObject("chat").put("id", chatId).put("first_name", "Zoe").put("last_name", "Test")
                .put("username", "zoetest").put("type", "private");
        message.setAll(content);
        return update;
    }

    public static ObjectNode text(long updateId, long chatId, String text) {
        return message(updateId, chatId, Json.object().put("text", text));
    }

    /**
     * A tapped inline button: {@code sent} is the message with the keyboard as the stand-in answered it (the
     * {@code result} of {@code sendMessage}), {@code data} the button's {@code callback_data}.
     */
    public static ObjectNode callback(long updateId, long chatId, String queryId, JsonNode sent, String data) {
        ObjectNode update = Json.object().put("update_id", updateId);
        ObjectNode query = update.putObject("callback_query").put("id", queryId)
                .put("chat_instance", "-7893849273844");
        query.putObject("from").put("id", chatId).put("is_bot", false).put("first_name", "Zoe")
                .put("last_name", "Test").put("username", "zoetest");
        query.set("message", sent);
        query.put("data", data);
        return update;
    }
}
