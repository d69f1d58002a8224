package dev.parley.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The built-in workspace used when there is no {@code parley.yml}: one group, one widget, one admin. */
public final class DemoWorkspace {

    /** The demo operator's login e-mail. */
    public static final String DEMO_EMAIL = "ada@example.com";
    /** The demo operator's password. */
    public static final String DEMO_PASSWORD = "parley-demo";

    private DemoWorkspace() {
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
