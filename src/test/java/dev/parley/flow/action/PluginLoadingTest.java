package dev.parley.flow.action;

import static dev.parley.flow.action.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.cli.FlowCommand;
import dev.parley.flow.FlowLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PluginLoadingTest {
    private static final Path WEATHER_EXAMPLE = Path.of("examples/plugins/weather-action");
    private static final ActionNodes.BuiltIns DEPS = ActionNodes.BuiltIns.of(Optional.empty());

    @TempDir
    Path temp;
    private Path plugins;

    @BeforeEach
    void folder() throws Exception {
        plugins = Files.createDirectory(temp.resolve("plugins"));
    }

    private Path plugin(String jar, Map<String, String> sources, Map<String, String> resources) {
        return PluginJar.build(sources, resources, plugins.resolve(jar), temp);
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    @Test
    void theExampleWeatherPluginLoadsFromItsJarAndRuns() {
        PluginJar.build(WEATHER_EXAMPLE, plugins.resolve("weather-action.jar"), temp);

        ActionNodes actions = ActionNodes.load(plugins, DEPS);

        assertThat(actions.names()).containsExactly("email", "example.weather", "http", "remote");
        Requests.Timeline timeline = new Requests.Timeline();
        ActionOutcome outcome = actions.run("example.weather", request(Map.of("city", "Zurich", "days_ahead", "1"),
                Duration.ofSeconds(5), timeline));
        assertThat(outcome.outcome()).isEqualTo("success");
        assertThat(outcome.data()).containsEntry("city", "Zurich").containsEntry("days_ahead", 1)
                .containsEntry("unit", "C").containsKeys("conditions", "high", "low");
        assertThat((String) outcome.data().get("summary")).startsWith("Tomorrow in Zurich: ")
                .contains((String) outcome.data().get("conditions"));
        assertThat((int) outcome.data().get("low")).isLessThan((int) outcome.data().get("high"));
        assertThat(timeline.lines).containsExactly("info: made-up forecast for Zurich, 1 day(s) ahead");
        assertThat(actions.run("example.weather", request(Map.of("city", "zurich", "days_ahead", 1))).data())
                .as("the same forecast for the same city and day").containsEntry("high", outcome.data().get("high"))
                .containsEntry("conditions", outcome.data().get("conditions"));

        ActionOutcome tooFar = actions.run("example.weather", request(Map.of("city", "Zurich", "days_ahead", "9")));
        assertThat(tooFar.outcome()).isEqualTo("too_far");
        assertThat(tooFar.data()).isEqualTo(Map.of("max_days_ahead", 6));
        assertThat(actions.run("example.weather", request(Map.of())).cause())
                .contains("action 'example.weather' needs parameter 'city'");
    }

    @Test
    void theExamplePluginsParametersAreCheckedWhenAFlowLoadsAndBeforeEachRun() throws Exception {
        PluginJar.build(WEATHER_EXAMPLE, plugins.resolve("weather-action.jar"), temp);
        String example = Files.readString(WEATHER_EXAMPLE.resolve("weather.yml"));
        Path flow = Files.writeString(temp.resolve("weather.yml"), example.replace(
                "with: { city: \"{{city}}\", days_ahead: 1, unit: c }",
                "with: { citty: \"{{city}}\", days_ahead: 1, unit: k }"));
        assertThat(flow).content().isNotEqualTo(example);

        Cli cli = Cli.run("validate", "--plugins", plugins.toString(), flow.toString());

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.out()).isEqualTo(flow + ":14: nodes.forecast.with.citty: action 'example.weather' has no"
                + " parameter 'citty' (did you mean 'city'?)\n"
                + flow + ":14: nodes.forecast.with: action 'example.weather' needs parameter 'city'\n"
                + flow + ":14: nodes.forecast.with.unit: action 'example.weather': unit must be one of c, f, got 'k'\n"
                + flow + ": invalid (3 errors)\n");
        ActionNodes actions = ActionNodes.load(plugins, DEPS);
        assertThat(actions.run("example.weather", request(Map.of("city", "Zurich", "days_ahead", "soon"))).cause())
                .contains("action 'example.weather': days_ahead must be a whole number of at least 0, got 'soon'");
        assertThat(actions.run("example.weather", request(Map.of("city", "Zurich", "unit", "F"))).outcome())
                .as("c or f in any case").isEqualTo("success");
    }

    @Test
    void aPluginThatDeclaresNoParametersTakesAnyAndRuns() {
        plugin("crm.jar", PluginJar.node("Lookup", "acme.lookup"), PluginJar.services("acme.Lookup"));
        ActionNodes actions = ActionNodes.load(plugins, DEPS);
        String flow = """
                id: crm
                start: lookup
                nodes:
                  lookup:
                    action: acme.lookup
                    with: { ulr: "ftp://crm.example.com", method: FETCH, anything: [1, { two: 2 }] }
                    on: { default: bye }
                  bye: { end: true }
                """;

        assertThat(FlowLoader.of(actions).validate(flow, "crm.yml").problems()).isEmpty();
        assertThat(actions.run("acme.lookup", request(Map.of("ulr", "ftp://crm.example.com", "method", "FETCH")))
                .outcome()).isEqualTo("success");
    }

    @Test
    void aMissingPluginsFolderMeansTheBuiltInsAlone() {
        assertThat(ActionNodes.load(temp.resolve("nowhere"), DEPS).names()).containsExactly("email", "http", "remote");
    }

    @Test
    void aPluginMayNotTakeABuiltInName() {
        Path jar = plugin("clash.jar", PluginJar.node("Http", "http"), PluginJar.services("acme.Http"));

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessage(jar + ": action node acme.Http is named 'http', the name of a built-in action; give it a"
                        + " prefix of its own, as in acme.http");
    }

    @Test
    void aPluginMayNotTakeTheNameOfABuiltInRegisteredLater() {
        plugin("braze.jar", PluginJar.node("Track", "braze.track"), PluginJar.services("acme.Track"));

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessageContaining("braze.jar: action node acme.Track is named 'braze.track', the name of a"
                        + " built-in action");
    }

    @Test
    void twoPluginsMayNotShareAName() {
        Path first = plugin("a-crm.jar", PluginJar.node("Lookup", "acme.lookup"), PluginJar.services("acme.Lookup"));
        Path second = plugin("b-crm.jar", PluginJar.node("Find", "acme.lookup"), PluginJar.services("acme.Find"));

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessage(second + ": action node acme.Find is named 'acme.lookup', as is acme.Lookup of " + first
                        + "; names must be unique");
    }

    @Test
    void aPluginWithAnInvalidNameIsRefused() {
        Path jar = plugin("bad-name.jar", PluginJar.node("Lookup", "Acme Lookup"), PluginJar.services("acme.Lookup"));

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessageStartingWith(jar + ": action node acme.Lookup is named 'Acme Lookup': a name is lower-case"
                        + " words of letters, digits, '_' or '-' joined by dots");
    }

    @Test
    void aFileThatIsNotAJarIsRefused() throws Exception {
        Path jar = Files.writeString(plugins.resolve("broken.jar"), "this is not a zip file");

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessageStartingWith(jar + ": not a readable jar file (");
    }

    @Test
    void aJarWithoutAServiceFileIsRefused() {
        Path jar = plugin("library.jar", PluginJar.node("Lookup", "acme.lookup"), Map.of());

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessage(jar + ": not an action node plugin: it has no"
                        + " META-INF/services/dev.parley.flow.spi.ActionNode naming its ActionNode classes");
    }

    @Test
    void aServiceFileNamingAMissingClassIsRefused() {
        Path jar = plugin("typo.jar", PluginJar.node("Lookup", "acme.lookup"), PluginJar.services("acme.Lokup"));

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessageStartingWith(jar + ": cannot load its action nodes: ")
                .hasMessageContaining("acme.Lokup not found");
    }

    @Test
    void aServiceClassThatIsNoActionNodeIsRefused() {
        Path jar = plugin("other.jar", Map.of("acme/Other.java", "package acme; public class Other {}"),
                PluginJar.services("acme.Other"));

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessageStartingWith(jar + ": cannot load its action nodes: ")
                .hasMessageContaining("acme.Other not a subtype");
    }

    @Test
    void aPluginWhoseConstructorFailsIsRefused() {
        Path jar = plugin("failing.jar", Map.of("acme/Failing.java", """
                package acme;
                public final class Failing implements dev.parley.flow.spi.ActionNode {
                    public Failing() { throw new IllegalStateException("CRM_URL is not set"); }
                    public String name() { return "acme.failing"; }
                    public dev.parley.flow.spi.ActionResult run(dev.parley.flow.spi.ActionRequest r) { return null; }
                }
                """), PluginJar.services("acme.Failing"));

        assertThatThrownBy(() -> ActionNodes.load(plugins, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessageStartingWith(jar + ": cannot load its action nodes: ")
                .hasMessageContaining("CRM_URL is not set");
    }

    @Test
    void oneJarMayHoldSeveralActionNodes() {
        plugin("crm.jar", merged(PluginJar.node("Lookup", "acme.lookup"), PluginJar.node("Update", "acme.update")),
                PluginJar.services("acme.Lookup", "acme.Update"));

        ActionNodes actions = ActionNodes.load(plugins, DEPS);

        assertThat(actions.names()).contains("acme.lookup", "acme.update");
        assertThat(actions.run("acme.update", request(Map.of())).outcome()).isEqualTo("success");
    }

    @Test
    void flowValidateAcceptsTheActionsOfThePluginsFolder() {
        PluginJar.build(WEATHER_EXAMPLE, plugins.resolve("weather-action.jar"), temp);
        String flow = WEATHER_EXAMPLE.resolve("weather.yml").toString();

        Cli without = Cli.run("validate", flow);
        assertThat(without.code()).isEqualTo(1);
        assertThat(without.out()).contains("unknown action 'example.weather'");

        Cli with = Cli.run("validate", "--plugins", plugins.toString(), flow);
        assertThat(with.code()).isZero();
        assertThat(with.out()).isEqualTo(flow + ": valid (6 nodes)\n");
    }

    @Test
    void flowValidateRefusesABrokenPluginsFolder() throws Exception {
        Path jar = Files.writeString(plugins.resolve("broken.jar"), "not a zip");

        Cli cli = Cli.run("validate", "--plugins", plugins.toString(), "examples/flows/shop.yml");

        assertThat(cli.code()).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err()).startsWith("--plugins: " + jar + ": not a readable jar file");
    }

    /** {@code parley flow …} run in-process. */
    private record Cli(int code, String out, String err) {
        static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new FlowCommand());
            command.setOut(new PrintWriter(out, true));
            command.setErr(new PrintWriter(err, true));
            int code = command.execute(args);
            return new Cli(code, out.toString(), err.toString());
        }
    }

    @Test
    void aPluginsPathThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("plugins.txt"), "");

        assertThatThrownBy(() -> ActionNodes.load(file, DEPS)).isInstanceOf(InvalidPluginException.class)
                .hasMessage(file + ": the plugins folder is a file, not a folder");
    }
}
