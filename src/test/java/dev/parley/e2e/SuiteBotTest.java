package dev.parley.e2e;

import dev.parley.testing.FlaskBot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests against {@code tutorial_suite_bot.py}, the bot written from the reference text alone: one per class. */
abstract class SuiteBotTest {
    @TempDir
    static Path logs;
    static FlaskBot bot;

    @BeforeAll
    static void startBot() {
        bot = FlaskBot.start("tutorial_suite_bot", logs);
    }

    @AfterAll
    static void stopBot() {
        bot.close();
    }
}
