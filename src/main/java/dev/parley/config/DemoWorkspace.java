package dev.parley.config;

import dev.parley.store.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The built-in workspace used when there is no {@code parley.yml}: one group, one widget, one
 * admin and one flow bot that greets contacts and hands them over.
 */
public final class DemoWorkspace {

    /** The demo operator's login e-mail. */
    public static final String DEMO_EMAIL = "ada@example.com";
    /** The demo operator's password. */
    public static final String DEMO_PASSWORD = "parley-demo";

    private DemoWorkspace() {
    }

    /** The demo flow bot's flow, written into {@code flowsDir} unless a file of that name is there. */
    public static final String DEMO_FLOW = "welcome.yml";

    /**
     * Group {@code support}, widget {@code website}, admin {@code ada} and flow bot {@code welcome}
     * (firewall: it greets every new conversation), whose flow is kept in {@code flowsDir}.
     */
    public static ParleyConfig config(Path flowsDir) {
        Path flow = flowsDir.resolve(DEMO_FLOW).toAbsolutePath();
        if (!Files.exists(flow)) {
            try (InputStream in = DemoWorkspace.class.getResourceAsStream("/demo/" + DEMO_FLOW)) {
                OwnerOnly.directories(flowsDir);
                Files.copy(in, flow);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the demo flow to " + flow, e);
            }
        }
        ParleyConfig base = config();
        BotConfig bot = new BotConfig("welcome", "Parley Bot", "support", BotType.FLOW, Behavior.FIREWALL, 100,
                false, Optional.of(new BotTimeout(Duration.ofMinutes(10), TimeoutAction.UNASSIGN)),
                Optional.empty(), java.util.Map.of(), Optional.empty(), Optional.empty(), Duration.ofSeconds(10),
                RetryConfig.DEFAULT, Optional.of(flow.toString()), List.of(), Optional.empty());
        return new ParleyConfig(base.publicBaseUrl(), base.groups(), base.skills(), base.operators(), List.of(bot),
                base.widgets());
    }

    /** Group {@code support}, widget {@code website} and admin {@code ada}; no bots. */
    public static ParleyConfig config() {
        return new ParleyConfig("http://localhost:8080",
                List.of(new GroupConfig("support", "Support")),
                List.of(),
                List.of(new OperatorConfig("ada", "Ada Admin", DEMO_EMAIL, "support", Role.ADMIN, List.of(), 5,
                        Optional.of(DEMO_PASSWORD))),
                List.of(),
                List.of(new WidgetConfig("website", "Website", "support", false,
                        Optional.of(Duration.ofMinutes(30)), Optional.empty(), true)));
    }
}
