package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.cli.FlowCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlowCommandTest {

    private static final String SHOP = "examples/flows/shop.yml";
    private static final Path BROKEN = FlowLoaderTest.FIXTURES.resolve("broken");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void validFlowsExitZeroWithASummaryEach() {
        int code = run("validate", SHOP, "examples/flows/lead-capture.yml");

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo(SHOP + ": valid (9 nodes)\n"
                + "examples/flows/lead-capture.yml: valid (13 nodes)\n");
    }

    @Test
    void anyErrorExitsOneAfterListingEveryProblem() {
        Path broken = BROKEN.resolve("unknown-key.yml");

        int code = run("validate", SHOP, broken.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(SHOP + ": valid (9 nodes)\n"
                + broken + ":7: nodes.hello.delay_seconds: unknown key 'delay_seconds' (expected one of: say,"
                + " text_format, media, buttons, next)\n"
                + broken + ":8: nodes.bye.nxt: unknown key 'nxt'; did you mean 'next'?\n"
                + broken + ": invalid (2 errors)\n");
    }

    @Test
    void actionParametersAreCheckedWithTheirLines() {
        Path broken = BROKEN.resolve("action-unknown-parameter.yml");

        int code = run("validate", broken.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(broken + ":6: nodes.lookup.with: action 'http' needs parameter 'url'\n"
                + broken + ":7: nodes.lookup.with.ulr: action 'http' has no parameter 'ulr' (did you mean 'url'?)\n"
                + broken + ":8: nodes.lookup.with.header: action 'http' has no parameter 'header' (did you mean"
                + " 'headers'?)\n"
                + broken + ":9: nodes.lookup.with.color: action 'http' has no parameter 'color' (it takes method, url,"
                + " headers, query, body, timeout, outcomes, response)\n"
                + broken + ":13: nodes.notify.with.cc: action 'email' has no parameter 'cc' (it takes to, subject,"
                + " body, reply_to)\n"
                + broken + ": invalid (5 errors)\n");
    }

    @Test
    void actionsNamedWithoutAPluginTakeAnyParameters() throws IOException {
        Path flow = Files.writeString(Files.createTempFile("crm", ".yml"), "id: crm\nstart: a\nnodes:\n"
                + "  a: { action: crm.lookup, with: { anything: [1, 2], url: \"ftp://x\" }, next: b }\n"
                + "  b: { end: true }\n");

        assertThat(run("validate", "--action", "crm.lookup", flow.toString())).isZero();
        Files.delete(flow);
    }

    @Test
    void warningsAloneDoNotFail() {
        Path file = BROKEN.resolve("unreachable.yml");

        assertThat(run("validate", file.toString())).isZero();
        assertThat(out.toString()).endsWith(file + ": valid (3 nodes, 1 warning)\n");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThat(run("validate", "no/such/flow.yml")).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("no/such/flow.yml: cannot read the file: no such file\n"
                + "no/such/flow.yml: invalid (1 error)\n");
    }

    @Test
    void pluginActionsCanBeNamed() throws IOException {
        Path flow = Files.writeString(Files.createTempFile("crm", ".yml"),
                "id: crm\nstart: a\nnodes:\n  a: { action: crm.lookup, next: b }\n  b: { end: true }\n");

        assertThat(run("validate", flow.toString())).isEqualTo(1);
        assertThat(run("validate", "--action", "crm.lookup", flow.toString())).isZero();
        Files.delete(flow);
    }

    @Test
    void graphPrintsMermaidByDefault() {
        assertThat(run("graph", SHOP)).isZero();
        assertThat(out.toString()).startsWith("flowchart TD\n").contains("n3[[\"lookup<br/>action: http\"]]");
    }

    @Test
    void graphWritesSvgToAFile(@TempDir Path directory) throws IOException {
        Path svg = directory.resolve("shop.svg");

        assertThat(run("graph", SHOP, "--format", "svg", "--output", svg.toString())).isZero();
        assertThat(Files.readString(svg)).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        assertThat(out.toString()).isEqualTo(SHOP + ": graph written to " + svg + "\n");
    }

    @Test
    void graphOfAnInvalidFlowFails() {
        Path broken = BROKEN.resolve("dangling-next.yml");

        assertThat(run("graph", broken.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(broken + ":7: nodes.ask_order.next: unknown node 'lokup'; did you mean"
                + " 'lookup'?\n" + broken + ": invalid, no graph drawn\n");
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(run("graph", SHOP, "--format", "png")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--format is mermaid or svg, not 'png'");
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new FlowCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
