package dev.parley.channel.whatsapp;

import java.util.List;
import java.util.Optional;

/**
 * The limits the WhatsApp Cloud API enforces on what Parley sends (Meta's interactive reply-button, list, media
 * and text documentation), counted in characters (code points). Where Meta's pages disagree the smaller number
 * is used: list bodies 1024 (newer pages say 4096), list rows 10 in total (older pages: per section).
 */
public final class WhatsAppLimits {
    public static final int TEXT_BODY = 4096;
    public static final int REPLY_BUTTONS = 3;
    public static final int BUTTON_TITLE = 20;
    public static final int BUTTON_ID = 256;
    public static final int INTERACTIVE_BODY = 1024;
    public static final int HEADER_TEXT = 60;
    public static final int FOOTER = 60;
    public static final int LIST_BUTTON = 20;
    public static final int LIST_SECTIONS = 10;
    public static final int LIST_ROWS = 10;
    public static final int ROW_TITLE = 24;
    public static final int ROW_DESCRIPTION = 72;
    public static final int ROW_ID = 200;
    public static final int SECTION_TITLE = 24;
    public static final int CAPTION = 1024;
    public static final int TEMPLATE_NAME = 512;

    private WhatsAppLimits() {}

    /** Adds a problem when {@code value} is empty or longer than {@code max} characters. */
    static void text(List<String> problems, String field, String value, int max) {
        if (value.isBlank()) {
            problems.add(field + ": is required");
        } else {
            length(problems, field, value, max);
        }
    }

    /** Adds a problem when {@code value} is present and longer than {@code max} characters. */
    static void optional(List<String> problems, String field, Optional<String> value, int max) {
        value.ifPresent(v -> text(problems, field, v, max));
    }

    static void length(List<String> problems, String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            problems.add(field + ": at most " + max + " characters, got " + length);
        }
    }

    static void count(List<String> problems, String field, int count, int min, int max) {
        if (count < min || count > max) {
            problems.add(field + ": " + min + " to " + max + " items, got " + count);
        }
    }
}
