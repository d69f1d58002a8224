package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsOneLineAndTheDatabaseIsNeverOpened() throws Exception {
        Path config = Files.writeString(dir.resolve("parley.yml"), "groups: [{ id: support, name: Support }]\n");
        Path data = dir.resolve("data");
        StringWriter err = new StringWriter();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));

            int exit = cl.execute("serve", "--port", Integer.toString(taken.getLocalPort()), "--config",
                    config.toString(), "--data-dir", data.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("parley: port " + taken.getLocalPort() + " is already in use (is"
                    + " Parley running already? stop it first, or start on another port with --port)"
                    + System.lineSeparator());
        }
        assertThat(data.resolve("parley.db")).doesNotExist();
    }
}
