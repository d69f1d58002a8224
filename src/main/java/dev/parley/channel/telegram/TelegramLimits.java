package dev.parley.channel.telegram;

/** The Bot API's limits Parley renders within (channel-formats-research.md §3), in UTF-16 units unless named. */
final class TelegramLimits {
    /** {@code sendMessage.text}, after entity parsing. */
    static final int TEXT = 4096;
    /** {@code caption} of a file, after entity parsing. */
    static final int CAPTION = 1024;
    /** {@code callback_data}, in UTF-8 bytes. */
    static final int CALLBACK_DATA_BYTES = 64;
    /** Buttons on one inline keyboard (Telegram documents none; clients show about 100). */
    static final int BUTTONS = 100;

    private TelegramLimits() {}
}
