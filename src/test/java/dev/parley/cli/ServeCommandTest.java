package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import dev.parley.testing.ParleyProcess;
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

    @Test
    void aConfiguredChannelIsNamedAtStartWithItsWebhookUrl() throws Exception {
        Path config = Files.writeString(dir.resolve("channels.yml"), """
                groups: [{ id: support, name: Support }]
                widgets: [{ id: website, name: Shop, group: support }]
                channels:
                  - { id: wa-main, type: whatsapp, widget: website, phone_number_id: "106540352242922",
                      access_token_env: WA_TOKEN, app_secret_env: WA_APP_SECRET, verify_token_env: WA_VERIFY }
                """);
        try (ParleyProcess serve = ParleyProcess.start(config, dir.resolve("data"),
                Map.of("WA_TOKEN", "t", "WA_APP_SECRET", "s", "WA_VERIFY", "v", "PARLEY_PUBLIC_BASE_URL",
                        "https://chat.example.com"), dir.resolve("serve.log"))) {
            String line = "  channels:  wa-main (whatsapp) webhook https://chat.example.com/channels/wa-main/webhook";
            await().atMost(Duration.ofSeconds(30)).until(() -> serve.output().contains(line));
        }
    }
}
