package dev.parley.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads and validates a workspace configuration ({@code parley.yml}, platform.md §2).
 *
 * <p>Every scalar may use {@code ${VAR}} or {@code ${VAR:-default}}; secrets come only from
 * {@code *_env} or {@code *_file} keys. {@code PARLEY_PUBLIC_BASE_URL} overrides
 * {@code public_base_url} and {@code PARLEY_ENV} overrides {@code environment}. The keys
 * {@code channels}, {@code flows} and {@code braze} are reserved for other features and ignored
 * here; any other unknown key is an error.
 */
public final class ConfigLoader {

    static final String BASE_URL_VARIABLE = "PARLEY_PUBLIC_BASE_URL";
    private static final String DEFAULT_BASE_URL = "http://localhost:8080";
    private static final List<String> KEYS = List.of("public_base_url", "groups", "skills", "operators", "bots",
            "widgets", "channels", "environments", "environment", "flows", "braze", "addons", "smtp",
            "server", "auth", "limits", "retention", "redis_url");

    private ConfigLoader() {
    }

    /**
     * Reads and validates {@code file}; relative {@code *_file} paths are resolved against its folder.
     *
     * @param env the environment, such as {@link System#getenv()}
     * @throws ConfigException when the file cannot be read or is invalid
     */
    public static ParleyConfig load(Path file, Map<String, String> env) {
        return parse(read(file), file.toString(), env, file.toAbsolutePath().getParent());
    }

    /**
     * Only the {@code environments} of {@code file} (and the {@code environment} chosen), for tools that
     * run a flow outside the server: the rest of the workspace and its secrets are not read.
     *
     * @throws ConfigException when the file cannot be read or its environments are invalid
     */
    public static ParleyConfig loadEnvironments(Path file, Map<String, String> env) {
        YamlNode root = YamlTree.parse(read(file), file.toString(), new EnvSubstitution(env));
        EnvironmentParser.Selection environments = new EnvironmentParser(
                new Secrets(env, file.toAbsolutePath().getParent()), env).parse(root);
        return new ParleyConfig(DEFAULT_BASE_URL, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), environments.environments(), environments.selected());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), "", "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read file (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Validates {@code yaml}; relative {@code *_file} and {@code flow} paths are resolved against the working directory.
     *
     * @param sourceName names the text in error messages, such as {@code parley.yml}
     * @throws ConfigException when the text is invalid
     */
    public static ParleyConfig parse(String yaml, String sourceName, Map<String, String> env) {
        return parse(yaml, sourceName, env, Path.of("").toAbsolutePath());
    }

    static ParleyConfig parse(String yaml, String sourceName, Map<String, String> env, Path baseDir) {
        YamlNode root = YamlTree.parse(yaml, sourceName, new EnvSubstitution(env));
        if (root.isNull()) {
            if (!env.getOrDefault(EnvironmentParser.VARIABLE, "").isBlank()) {
                new EnvironmentParser(new Secrets(env, baseDir), env).parse(root);
            }
            return new ParleyConfig(publicBaseUrl(Optional.empty(), env), List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
        root.requireOnlyKeys(KEYS);
        Registry groupIds = new Registry("group id");
        List<GroupConfig> groups = each(root, "groups", node -> group(node, groupIds));
        Registry skillIds = new Registry("skill");
        List<String> skills = each(root, "skills", skillIds::claimId);
        References references = new References(groupIds.values(), skillIds.values());
        Secrets secrets = new Secrets(env, baseDir);
        EnvironmentParser.Selection environments = new EnvironmentParser(secrets, env).parse(root);
        List<OperatorConfig> operators = each(root, "operators", new OperatorParser(references, secrets)::parse);
        List<BotConfig> bots = each(root, "bots", new BotParser(references, secrets)::parse);
        List<WidgetConfig> widgets = each(root, "widgets", new WidgetParser(references, secrets)::parse);
        ParleyConfig config = new ParleyConfig(publicBaseUrl(root.get("public_base_url"), env),
                groups,
                skills,
                operators,
                bots,
                widgets,
                each(root, "addons", new AddonParser(secrets)::parse),
                root.get("smtp").map(node -> SmtpParser.parse(node, secrets)),
                environments.environments(),
                environments.selected(),
                SecurityParser.parse(root),
                root.get("retention").map(RetentionParser::parse).orElse(RetentionConfig.KEEP_ALL),
                root.get("redis_url").map(RedisUrl::parse),
                each(root, "channels", new ChannelParser(widgets.stream().map(WidgetConfig::id)
                        .collect(java.util.stream.Collectors.toSet()), secrets)::parse));
        BrazeRequirement.check(root, config);
        return config;
    }

    private static <T> List<T> each(YamlNode root, String key, Function<YamlNode, T> parser) {
        return root.get(key).map(YamlNode::items).orElse(List.of()).stream().map(parser).toList();
    }

    private static GroupConfig group(YamlNode node, Registry ids) {
        node.requireOnlyKeys(List.of("id", "name"));
        return new GroupConfig(ids.claimId(node.required("id")), ConfigValues.text(node.required("name")));
    }

    private static String publicBaseUrl(Optional<YamlNode> fromFile, Map<String, String> env) {
        String override = env.getOrDefault(BASE_URL_VARIABLE, "").strip();
        if (!override.isEmpty()) {
            return withoutTrailingSlash(ConfigValues.httpUrl(override).orElseThrow(() -> new ConfigException(
                    "environment", BASE_URL_VARIABLE, Scalars.quote(override) + " is not an absolute http(s) URL"))
                    .toString());
        }
        return fromFile.map(node -> withoutTrailingSlash(ConfigValues.httpUrl(node).toString()))
                .orElse(DEFAULT_BASE_URL);
    }

    private static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
