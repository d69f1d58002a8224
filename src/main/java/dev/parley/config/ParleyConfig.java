package dev.parley.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workspace as configured in {@code parley.yml}: everything the file names, validated and
 * with secrets resolved. Loaded by {@link ConfigLoader}; {@link DemoWorkspace} gives the
 * built-in one.
 *
 * @param publicBaseUrl the URL under which Parley is reached from outside, without a trailing slash
 * @param addons        what bots may dispatch with {@code addon_dispatch}
 * @param smtp          the mail server for {@code email_dispatch}; without it no e-mail is sent
 */
public record ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
        List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets, List<AddonConfig> addons,
        Optional<SmtpConfig> smtp) {

    public ParleyConfig {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        groups = List.copyOf(groups);
        skills = List.copyOf(skills);
        operators = List.copyOf(operators);
        bots = List.copyOf(bots);
        widgets = List.copyOf(widgets);
        addons = List.copyOf(addons);
        Objects.requireNonNull(smtp, "smtp");
    }

    /** Workspace objects alone: no add-ons and no mail server. */
    public ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
            List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets) {
        this(publicBaseUrl, groups, skills, operators, bots, widgets, List.of(), Optional.empty());
    }
}
