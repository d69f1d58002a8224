package dev.parley.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param environments  the {@code environments} by name, in file order
 * @param environment   the name of the selected environment ({@code PARLEY_ENV}, else {@code environment},
 *                      else {@code sandbox} when defined, else the first defined); empty when none is defined
 * @param security     {@code server}, {@code auth} and {@code limits}
 * @param retention     how long data is kept ({@code retention:}); everything forever when not given
 * @param redisUrl      {@code redis_url}: the Redis the nodes share their limits in ({@code PARLEY_REDIS_URL} wins)
 * @param channels      the messaging channels ({@code channels:}), in file order
 */
public record ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
        List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets, List<AddonConfig> addons,
        Optional<SmtpConfig> smtp, Map<String, EnvironmentConfig> environments, String environment,
        SecurityConfig security, RetentionConfig retention, Optional<String> redisUrl, List<ChannelConfig> channels) {

    public ParleyConfig {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        groups = List.copyOf(groups);
        skills = List.copyOf(skills);
        operators = List.copyOf(operators);
        bots = List.copyOf(bots);
        widgets = List.copyOf(widgets);
        addons = List.copyOf(addons);
        Objects.requireNonNull(smtp, "smtp");
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        Objects.requireNonNull(environment, "environment");
        if (!environment.isEmpty() && !environments.containsKey(environment)) {
            throw new IllegalArgumentException("environment '" + environment + "' is not one of "
                    + environments.keySet());
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(redisUrl, "redisUrl");
        channels = List.copyOf(channels);
    }

    /** A workspace without messaging channels. */
    public ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
            List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets, List<AddonConfig> addons,
            Optional<SmtpConfig> smtp, Map<String, EnvironmentConfig> environments, String environment,
            SecurityConfig security, RetentionConfig retention, Optional<String> redisUrl) {
        this(publicBaseUrl, groups, skills, operators, bots, widgets, addons, smtp, environments, environment,
                security, retention, redisUrl, List.of());
    }

    /** A workspace without {@code redis_url}. */
    public ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
            List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets, List<AddonConfig> addons,
            Optional<SmtpConfig> smtp, Map<String, EnvironmentConfig> environments, String environment,
            SecurityConfig security, RetentionConfig retention) {
        this(publicBaseUrl, groups, skills, operators, bots, widgets, addons, smtp, environments, environment,
                security, retention, Optional.empty());
    }

    /** A workspace with the default {@code server}, {@code auth} and {@code limits}, keeping all data. */
    public ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
            List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets, List<AddonConfig> addons,
            Optional<SmtpConfig> smtp, Map<String, EnvironmentConfig> environments, String environment) {
        this(publicBaseUrl, groups, skills, operators, bots, widgets, addons, smtp, environments, environment,
                SecurityConfig.DEFAULTS, RetentionConfig.KEEP_ALL);
    }

    /** Workspace objects, add-ons and mail server, without environments. */
    public ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
            List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets, List<AddonConfig> addons,
            Optional<SmtpConfig> smtp) {
        this(publicBaseUrl, groups, skills, operators, bots, widgets, addons, smtp, Map.of(), "");
    }

    /** Workspace objects alone: no add-ons, no mail server and no environments. */
    public ParleyConfig(String publicBaseUrl, List<GroupConfig> groups, List<String> skills,
            List<OperatorConfig> operators, List<BotConfig> bots, List<WidgetConfig> widgets) {
        this(publicBaseUrl, groups, skills, operators, bots, widgets, List.of(), Optional.empty());
    }

    /** The selected environment, when the file defines any. */
    public Optional<EnvironmentConfig> activeEnvironment() {
        return Optional.ofNullable(environments.get(environment));
    }
}
