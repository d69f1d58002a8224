package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the Bot API refuses, method by method, with Telegram's own descriptions (channel-formats-research.md §3):
 * text 1–4,096 and caption 0–1,024 (counted here in UTF-16 units, the stricter of the readings), entities of known
 * types inside the text and not splitting a surrogate pair, {@code text_link} with a URL, {@code MarkdownV2}'s
 * reserved characters escaped, an inline keyboard of rows of buttons each with a text and exactly one action,
 * {@code callback_data} of 1–64 UTF-8 bytes, files by an absolute URL, and {@code setWebhook}'s secret token of
 * 1–256 characters from {@code A-Z a-z 0-9 _ -}. Telegram wants an HTTPS webhook URL; the stand-in also takes
 * {@code http://127.0.0.1}, as tests run without TLS.
 */
final class TelegramRules {
    private static final Set<String> ENTITY_TYPES = Set.of("mention", "hashtag", "cashtag", "bot_command", "url",
            "email", "phone_number", "bold", "italic", "underline", "strikethrough", "spoiler", "blockquote",
            "expandable_blockquote", "code", "pre", "text_link", "text_mention", "custom_emoji");
    private static final Set<String> ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note",
            "upload_video_note");
    private static final List<String> BUTTON_ACTIONS = List.of("url", "callback_data", "web_app", "login_url",
            "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
            "copy_text", "callback_game", "pay");
    /** Reserved characters of MarkdownV2 that never open or close markup, so must always be escaped. */
    private static final String NEVER_MARKUP = "#+-={}.!";

    private TelegramRules() {}

    /** Telegram's description of what is wrong with a call of {@code method}; empty when it would take it. */
    static Optional<String> problem(String method, JsonNode body) {
        return switch (method) {
            case "sendMessage" -> chat(body).or(() -> text(body.path("text"), 4096, "message text is empty",
                    "message is too long")).or(() -> formatting(body.path("text").asText(), body, "entities"))
                    .or(() -> keyboard(body.path("reply_markup")));
            case "sendPhoto", "sendDocument", "sendVideo", "sendAudio" -> chat(body)
                    .or(() -> file(body, method.substring(4).toLowerCase(java.util.Locale.ROOT)))
                    .or(() -> body.has("caption") ? text(body.path("caption"), 1024, "message caption is empty",
                            "message caption is too long") : Optional.empty())
                    .or(() -> formatting(body.path("caption").asText(""), body, "caption_entities"))
                    .or(() -> keyboard(body.path("reply_markup")));
            case "sendChatAction" -> chat(body).or(() -> ACTIONS.contains(body.path("action").asText())
                    ? Optional.empty() : bad("wrong parameter action in request"));
            case "answerCallbackQuery" -> !body.path("callback_query_id").isTextual()
                    || body.path("callback_query_id").asText().isEmpty() ? bad("query_id is empty")
                    : body.path("text").asText("").length() > 200 ? bad("MESSAGE_TOO_LONG") : Optional.empty();
            case "getFile" -> body.path("file_id").asText("").isEmpty() ? bad("file_id is empty") : Optional.empty();
            case "setWebhook" -> webhook(body);
            default -> Optional.of("Not Found");
        };
    }

    private static Optional<String> bad(String description) {
        return Optional.of("Bad Request: " + description);
    }

    private static Optional<String> chat(JsonNode body) {
        JsonNode chat = body.path("chat_id");
        if (chat.isMissingNode() || chat.isNull() || chat.asText().isEmpty()) {
            return bad("chat_id is empty");
        }
        boolean valid = chat.isIntegralNumber() || chat.isTextual() && chat.asText().matches("-?\\d{1,20}|@\\w{5,32}");
        return valid ? Optional.empty() : bad("chat not found");
    }

    private static Optional<String> text(JsonNode text, int max, String empty, String tooLong) {
        if (!text.isTextual() || text.asText().strip().isEmpty()) {
            return bad(empty);
        }
        return text.asText().length() > max ? bad(tooLong) : Optional.empty();
    }

    private static Optional<String> formatting(String text, JsonNode body, String field) {
        JsonNode entities = body.path(field);
        String parseMode = body.path("parse_mode").asText("");
        if (!parseMode.isEmpty() && !Set.of("MarkdownV2", "HTML", "Markdown").contains(parseMode)) {
            return bad("unsupported parse_mode");
        }
        if (parseMode.equals("MarkdownV2") && !entities.isArray()) {
            return markdownV2(text);
        }
        if (entities.isMissingNode()) {
            return Optional.empty();
        }
        if (!entities.isArray()) {
            return bad("can't parse entities JSON object");
        }
        for (JsonNode e : entities) {
            String type = e.path("type").asText();
            if (!ENTITY_TYPES.contains(type)) {
                return bad("can't parse MessageEntity: unsupported type \"" + type + "\"");
            }
            if (!e.path("offset").isIntegralNumber() || !e.path("length").isIntegralNumber()) {
                return bad("can't parse MessageEntity: offset and length must be integers");
            }
            int offset = e.path("offset").asInt();
            int length = e.path("length").asInt();
            if (offset < 0 || length < 1 || offset + length > text.length()) {
                return bad("can't parse entities: entity " + type + " at " + offset + "+" + length
                        + " is outside the text of " + text.length() + " UTF-16 units");
            }
            if (Character.isLowSurrogate(text.charAt(offset))
                    || offset + length < text.length() && Character.isLowSurrogate(text.charAt(offset + length))) {
                return bad("can't parse entities: entity " + type + " splits a character");
            }
            if (type.equals("text_link") && !e.path("url").asText("").matches("(https?|tg)://\\S+")) {
                return bad("can't parse entities: wrong HTTP URL");
            }
        }
        return Optional.empty();
    }

    /** MarkdownV2's reserved characters that are never markup must be escaped; markup pairs are not checked here. */
    private static Optional<String> markdownV2(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (NEVER_MARKUP.indexOf(c) >= 0) {
                return bad("can't parse entities: Character '" + c + "' is reserved and must be escaped with the"
                        + " preceding '\\'");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> keyboard(JsonNode markup) {
        if (markup.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode rows = markup.path("inline_keyboard");
        if (!rows.isArray()) {
            return bad("can't parse reply keyboard markup JSON object");
        }
        int buttons = 0;
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                return bad("can't parse inline keyboard button: InlineKeyboardButton row must be an Array");
            }
            for (JsonNode button : row) {
                buttons++;
                if (!button.path("text").isTextual() || button.path("text").asText().isBlank()) {
                    return bad("can't parse inline keyboard button: Text buttons are unallowed in the inline"
                            + " keyboard");
                }
                long actions = BUTTON_ACTIONS.stream().filter(button::has).count();
                if (actions != 1) {
                    return bad("can't parse inline keyboard button: exactly one of the optional fields must be"
                            + " used");
                }
                if (button.has("callback_data")) {
                    int bytes = button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                    if (!button.path("callback_data").isTextual() || bytes < 1 || bytes > 64) {
                        return bad("BUTTON_DATA_INVALID");
                    }
                }
                if (button.has("url") && !button.path("url").asText().matches("(https?|tg)://\\S+")) {
                    return bad("BUTTON_URL_INVALID");
                }
            }
        }
        return buttons > 100 ? bad("reply markup is too long") : Optional.empty();
    }

    private static Optional<String> file(JsonNode body, String field) {
        JsonNode file = body.path(field);
        if (!file.isTextual() || file.asText().isEmpty()) {
            return bad("there is no " + field + " in the request");
        }
        String value = file.asText();
        boolean url = value.matches("https?://[^/\\s]+/\\S*");
        boolean fileId = value.matches("[A-Za-z0-9_-]{20,}");
        return url || fileId ? Optional.empty() : bad("wrong HTTP URL specified");
    }

    private static Optional<String> webhook(JsonNode body) {
        String url = body.path("url").asText("");
        if (!url.isEmpty() && !url.matches("https://\\S+") && !url.matches("http://127\\.0\\.0\\.1(:\\d+)?/\\S*")) {
            return bad("bad webhook: An HTTPS URL must be provided for webhook");
        }
        if (body.has("secret_token") && !body.path("secret_token").asText().matches("[A-Za-z0-9_-]{1,256}")) {
            return bad("secret token contains unallowed characters");
        }
        return Optional.empty();
    }
}
