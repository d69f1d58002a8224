package dev.parley.flow.action;

import dev.parley.config.SmtpConfig;
import dev.parley.flow.spi.ActionNode;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ParameterProblem;
import dev.parley.media.AddressGuard;
import dev.parley.media.MediaSettings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action nodes flows can call: the built-ins and the plugins found in the plugins folder.
 *
 * <pre>{@code
 * ActionNodes actions = ActionNodes.load(Path.of("plugins"), ActionNodes.BuiltIns.of(config.smtp()));
 * FlowLoader loader = new FlowLoader(actions.parameters());
 * ActionOutcome outcome = actions.run("http", request);   // never throws
 * }</pre>
 */
public final class ActionNodes {
    /** The parameters of Parley's own action nodes by name, whether or not they are registered yet. */
    public static final Map<String, ActionParameters> BUILT_IN_PARAMETERS = Map.of(HttpAction.NAME,
            HttpAction.PARAMETERS, RemoteAction.NAME, RemoteAction.PARAMETERS, EmailAction.NAME, EmailAction.PARAMETERS,
            "braze.track", BrazeActionParameters.TRACK, "braze.profile", BrazeActionParameters.PROFILE);
    /** Names only Parley's own action nodes may have. */
    public static final Set<String> BUILT_IN_NAMES = BUILT_IN_PARAMETERS.keySet();

    private static final Logger LOG = LoggerFactory.getLogger(ActionNodes.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");
    private static final int MAX_NAME = 64;
    private static final String NAME_RULE = "a name is lower-case words of letters, digits, '_' or '-' joined by"
            + " dots, at most " + MAX_NAME + " characters, as in acme.crm_lookup";

    /**
     * What the built-in action nodes need.
     *
     * @param smtp  the mail server of the {@code email} action; without it that action answers {@code error}
     * @param http  the client {@code http} and {@code remote} call with
     * @param clock the time of {@code remote}'s signatures
     * @param guard where redirects may lead; the client must not follow redirects itself
     */
    public record BuiltIns(Optional<SmtpConfig> smtp, HttpClient http, Clock clock, AddressGuard guard) {
        public BuiltIns {
            Objects.requireNonNull(smtp, "smtp");
            Objects.requireNonNull(http, "http");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(guard, "guard");
        }

        /** The built-ins' needs with no private address allowed beyond what flows name themselves. */
        public static BuiltIns of(Optional<SmtpConfig> smtp) {
            return of(smtp, MediaSettings.defaults());
        }

        /**
         * The built-ins' needs with a new HTTP client, the system clock, and the private origins
         * {@code network} allows (those of {@code PARLEY_MEDIA_ALLOW_PRIVATE}).
         */
        public static BuiltIns of(Optional<SmtpConfig> smtp, MediaSettings network) {
            return new BuiltIns(smtp, client(), Clock.systemUTC(), new AddressGuard(network));
        }

        /** An HTTP client as the built-ins need it: redirects are followed by them, hop by hop. */
        public static HttpClient client() {
            return HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
    }

    private final Map<String, Registered> nodes;

    /** A registered node; {@code jar} is empty for Parley's own. */
    private record Registered(ActionNode node, Optional<Path> jar) {
        String origin() {
            return jar.map(Path::toString).orElse("Parley (built-in)");
        }
    }

    private ActionNodes(Map<String, Registered> nodes) {
        this.nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
    }

    /** The built-in action nodes alone, without plugins. */
    public static ActionNodes builtIns(BuiltIns deps) {
        Map<String, Registered> nodes = new TreeMap<>();
        for (ActionNode node : List.<ActionNode>of(new HttpAction(deps.http(), deps.guard()),
                new RemoteAction(deps.http(), deps.guard(), deps.clock()), new EmailAction(deps.smtp()))) {
            nodes.put(node.name(), new Registered(node, Optional.empty()));
        }
        return new ActionNodes(nodes);
    }

    /**
     * The built-ins and the plugins of every {@code *.jar} in {@code pluginsFolder} (none when it does
     * not exist). Throws {@link InvalidPluginException}, naming the jar, when a jar is not a plugin,
     * cannot be loaded, or names an action with an invalid name or one that is already taken.
     */
    public static ActionNodes load(Path pluginsFolder, BuiltIns deps) {
        Map<String, Registered> nodes = new TreeMap<>(builtIns(deps).nodes);
        for (PluginJars.Plugin plugin : PluginJars.load(pluginsFolder)) {
            String where = plugin.jar() + ": action node " + plugin.node().getClass().getName();
            if (!isValidName(plugin.name())) {
                throw new InvalidPluginException(where + " is named '" + plugin.name() + "': " + NAME_RULE);
            }
            if (BUILT_IN_NAMES.contains(plugin.name())) {
                throw new InvalidPluginException(where + " is named '" + plugin.name()
                        + "', the name of a built-in action; give it a prefix of its own, as in acme." + plugin.name());
            }
            Registered taken = nodes.get(plugin.name());
            if (taken != null) {
                throw new InvalidPluginException(where + " is named '" + plugin.name() + "', as is "
                        + taken.node().getClass().getName() + " of " + taken.origin() + "; names must be unique");
            }
            nodes.put(plugin.name(), new Registered(plugin.node(), Optional.of(plugin.jar())));
        }
        ActionNodes loaded = new ActionNodes(nodes);
        LOG.info("Action node plugins in {}: {}", pluginsFolder, loaded.plugins());
        return loaded;
    }

    /**
     * These action nodes and {@code node}, a built-in of Parley's own (such as {@code braze.track}).
     * Throws {@link IllegalArgumentException} when its name is invalid or taken.
     */
    public ActionNodes withBuiltIn(ActionNode node) {
        String name = node.name();
        if (name == null || !isValidName(name)) {
            throw new IllegalArgumentException("action node " + node.getClass().getName() + " is named '" + name
                    + "': " + NAME_RULE);
        }
        Registered taken = nodes.get(name);
        if (taken != null) {
            throw new IllegalArgumentException("action node " + node.getClass().getName() + " is named '" + name
                    + "', as is " + taken.node().getClass().getName() + " of " + taken.origin());
        }
        Map<String, Registered> more = new TreeMap<>(nodes);
        more.put(name, new Registered(node, Optional.empty()));
        return new ActionNodes(more);
    }

    /** The names flows may use in {@code action:}. */
    public Set<String> names() {
        return nodes.keySet();
    }

    /** The parameters of each action by name, for {@link dev.parley.flow.FlowLoader}. */
    public Map<String, ActionParameters> parameters() {
        Map<String, ActionParameters> parameters = new TreeMap<>();
        nodes.forEach((name, registered) -> parameters.put(name, registered.node().parameters()));
        return parameters;
    }

    /**
     * Runs the action {@code name} once and never throws: on a virtual thread of its own, abandoned
     * (interrupted) when {@link ActionRequest#deadline()} passes. An unknown name, parameters that break
     * the action's {@link ActionNode#parameters()}, an exception, the deadline, a {@code null} result or
     * data that is not JSON-like all end in outcome {@code error} with the cause.
     */
    public ActionOutcome run(String name, ActionRequest request) {
        Objects.requireNonNull(request, "request");
        Registered registered = name == null ? null : nodes.get(name);
        if (registered == null) {
            return ActionOutcome.failed(name, "unknown action '" + name + "'", Duration.ZERO);
        }
        List<ParameterProblem> problems = registered.node().parameters().check(name, request.params());
        if (!problems.isEmpty()) {
            return ActionOutcome.failed(name, problems.getFirst().message(), Duration.ZERO);
        }
        return GuardedRun.run(registered.node(), name, request);
    }

    static boolean isValidName(String name) {
        return name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    private String plugins() {
        String list = nodes.entrySet().stream()
                .filter(entry -> entry.getValue().jar().isPresent())
                .map(entry -> entry.getKey() + " (" + entry.getValue().jar().get().getFileName() + ")")
                .collect(Collectors.joining(", "));
        return list.isEmpty() ? "none" : list;
    }
}
