package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One of the reference Flask bots for a whole test class ({@code @RegisterExtension static final SampleBot bot =
 * SampleBot.of("campaign_bot")}): started before the class's first test, stopped after its last, its log in a
 * temporary folder removed with it.
 */
public final class SampleBot implements BeforeAllCallback, AfterAllCallback {
    private final String module;
    private Path logs;
    private FlaskBot bot;

    private SampleBot(String module) {
        this.module = module;
    }

    public static SampleBot of(String module) {
        return new SampleBot(module);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        logs = Files.createTempDirectory("parley-" + module);
        bot = FlaskBot.start(module, logs);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        bot.close();
        try (Stream<Path> files = Files.walk(logs)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Where Parley posts the bot's events. */
    public String webhookUrl() {
        return bot.webhookUrl();
    }
}
