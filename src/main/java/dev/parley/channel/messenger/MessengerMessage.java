package dev.parley.channel.messenger;

import java.util.ArrayList;
import java.util.List;

/**
 * What Parley can send on Messenger, each with the problems Meta would refuse it for ({@link #problems()}, empty
 * when sendable). Limits from Meta's Send API, button template, postback button and quick reply references:
 * text under 2,000 characters, template text ≤ 640, 1–3 buttons, ≤ 13 quick replies, titles ≤ 20, payloads
 * ≤ 1,000.
 */
public sealed interface MessengerMessage {
    int TEXT = 1999;
    int TEMPLATE_TEXT = 640;
    int BUTTONS = 3;
    int QUICK_REPLIES = 13;
    int TITLE = 20;
    int PAYLOAD = 1000;

    List<String> problems();

    /** {@code message.text}. */
    record Text(String text) implements MessengerMessage {
        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            limit(problems, "message.text", text, TEXT);
            return problems;
        }
    }

    /** A button template of postback buttons. */
    record ButtonTemplate(String text, List<Choice> buttons) implements MessengerMessage {
        public ButtonTemplate {
            buttons = List.copyOf(buttons);
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            limit(problems, "message.attachment.payload.text", text, TEMPLATE_TEXT);
            count(problems, "message.attachment.payload.buttons", buttons.size(), BUTTONS);
            choices(problems, "message.attachment.payload.buttons", buttons);
            return problems;
        }
    }

    /** A text with quick replies. */
    record QuickReplies(String text, List<Choice> replies) implements MessengerMessage {
        public QuickReplies {
            replies = List.copyOf(replies);
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            limit(problems, "message.text", text, TEXT);
            count(problems, "message.quick_replies", replies.size(), QUICK_REPLIES);
            choices(problems, "message.quick_replies", replies);
            return problems;
        }
    }

    /** A postback button or quick reply: the {@code title} shown, the {@code payload} sent back. */
    record Choice(String title, String payload) {}

    /** A file by URL: {@code type} is {@code image}, {@code audio}, {@code video} or {@code file}. */
    record Attachment(String type, String url) implements MessengerMessage {
        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!List.of("image", "audio", "video", "file").contains(type)) {
                problems.add("message.attachment.type: must be image, audio, video or file");
            }
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                problems.add("message.attachment.payload.url: must be an http(s) URL");
            }
            return problems;
        }
    }

    private static void choices(List<String> problems, String field, List<Choice> choices) {
        for (int i = 0; i < choices.size(); i++) {
            limit(problems, field + "[" + i + "].title", choices.get(i).title(), TITLE);
            limit(problems, field + "[" + i + "].payload", choices.get(i).payload(), PAYLOAD);
        }
    }

    private static void limit(List<String> problems, String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (value.isBlank()) {
            problems.add(field + ": is required");
        } else if (length > max) {
            problems.add(field + ": at most " + max + " characters, got " + length);
        }
    }

    private static void count(List<String> problems, String field, int count, int max) {
        if (count < 1 || count > max) {
            problems.add(field + ": 1 to " + max + " items, got " + count);
        }
    }
}
