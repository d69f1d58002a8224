package dev.parley.channel.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Bot API stand-in refuses what Telegram refuses, with Telegram's error shape, so the channel tests can fail. */
class TelegramStandInTest {
    private static final String TOKEN = "42:stand-in-token";
    private final JsonHttp http = new JsonHttp();

    @Test
    void itRefusesWhatTelegramRefuses() {
        try (TelegramStandIn telegram = TelegramStandIn.start(TOKEN)) {
            HttpAnswer unauthorized = call(telegram, "42:wrong", "sendMessage", message("hi"));
            assertThat(unauthorized.status()).isEqualTo(401);
            assertThat(unauthorized.json()).isEqualTo(Json.object().put("ok", false).put("error_code", 401)
                    .put("description", "Unauthorized"));
            assertThat(call(telegram, TOKEN, "sendMessagee", message("hi")).status()).isEqualTo(404);
            assertRefused(call(telegram, TOKEN, "sendMessage", Json.object().put("text", "hi")), "chat_id is empty");
            assertRefused(call(telegram, TOKEN, "sendMessage", message("x".repeat(4097))), "message is too long");
            assertRefused(call(telegram, TOKEN, "sendMessage", message("😀".repeat(2049))), "message is too long");

            ObjectNode outside = message("😀 bold");
            outside.putArray("entities").addObject().put("type", "bold").put("offset", 3).put("length", 5);
            assertRefused(call(telegram, TOKEN, "sendMessage", outside), "can't parse entities");
            ObjectNode split = message("😀 bold");
            split.putArray("entities").addObject().put("type", "bold").put("offset", 1).put("length", 3);
            assertRefused(call(telegram, TOKEN, "sendMessage", split), "splits a character");
            assertRefused(call(telegram, TOKEN, "sendMessage", message("1+1=2.").put("parse_mode", "MarkdownV2")),
                    "Character '+' is reserved");
            assertThat(call(telegram, TOKEN, "sendMessage", message("1\\+1\\=2\\.").put("parse_mode", "MarkdownV2"))
                    .status()).isEqualTo(200);

            ObjectNode keyboard = message("pick");
            keyboard.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject().put("text", "A")
                    .put("callback_data", "é".repeat(33));
            assertRefused(call(telegram, TOKEN, "sendMessage", keyboard), "BUTTON_DATA_INVALID");
            ObjectNode twoActions = message("pick");
            twoActions.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject().put("text", "A")
                    .put("callback_data", "a").put("url", "https://example.com");
            assertRefused(call(telegram, TOKEN, "sendMessage", twoActions), "exactly one of the optional fields");

            assertRefused(call(telegram, TOKEN, "sendPhoto", Json.object().put("chat_id", 1)
                    .put("photo", "https://example.com/a.jpg").put("caption", "c".repeat(1025))),
                    "message caption is too long");
            assertRefused(call(telegram, TOKEN, "getFile", Json.object().put("file_id", "nope")), "invalid file_id");
            assertRefused(call(telegram, TOKEN, "setWebhook", Json.object().put("url", "https://example.com/hook")
                    .put("secret_token", "not allowed!")), "secret token contains unallowed characters");
            assertThat(call(telegram, TOKEN, "answerCallbackQuery", Json.object().put("callback_query_id", "q"))
                    .status()).isEqualTo(200);
            assertRefused(call(telegram, TOKEN, "answerCallbackQuery", Json.object().put("callback_query_id", "q")),
                    "query is too old");
            assertThat(telegram.delivered()).hasSize(2);
        }
    }

    private static ObjectNode message(String text) {
        return Json.object().put("chat_id", 1111111).put("text", text);
    }

    private HttpAnswer call(TelegramStandIn telegram, String token, String method, ObjectNode body) {
        return http.post(telegram.baseUrl() + "/bot" + token + "/" + method, Map.of("Content-Type",
                "application/json"), Json.write(body));
    }

    private static void assertRefused(HttpAnswer answer, String description) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.json().path("ok").asBoolean(true)).isFalse();
        assertThat(answer.json().path("error_code").asInt()).isEqualTo(400);
        assertThat(answer.json().path("description").asText()).startsWith("Bad Request: ").contains(description);
    }
}
