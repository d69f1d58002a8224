package dev.parley.channel.telegram;

/**
 * The outcome of one Bot API call: done, worth retrying later (429 after its {@code retry_after}, 5xx, network
 * errors and timeouts), or refused for good (400 such as "chat not found", 403 "bot was blocked by the user",
 * 401 a wrong token).
 *
 * @param <T> what a call that succeeded gives
 */
public sealed interface TelegramOutcome<T> {

    record Done<T>(T value) implements TelegramOutcome<T> {}

    record Retry<T>(TelegramError error) implements TelegramOutcome<T> {}

    record Permanent<T>(TelegramError error) implements TelegramOutcome<T> {}
}
