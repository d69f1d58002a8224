package dev.parley.config;

import java.util.List;
import java.util.Objects;

/**
 * A workspace as configured in {@code parley.yml}: everything the file names, validated and
 * with secrets resolved. Loaded by {@link ConfigLoader}; {@link DemoWorkspace} gives the
 * built-in one.
 *
 * @param publicBaseUrl the URL under which Parley is reached from outside, without a trailing slash
 */
public record ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
        List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets) {

    public ParleyConfig {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        groups = List.copyOf(groups);
        skills = List.copyOf(skills);
        operators = List.copyOf(operators);
        bots = List.copyOf(bots);
        widgets = List.copyOf(widgets);
    }
}
