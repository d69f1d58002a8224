package dev.parley.cli;

import dev.parley.app.Parley;
import dev.parley.app.ServerSettings;
import dev.parley.config.DemoWorkspace;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parley serve}: runs the server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Parley server.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() throws InterruptedException {
        var env = System.getenv();
        ServerOptions.Loaded workspace = options.workspace(env, options.settings(env).dataDir());
        ServerSettings settings = options.bound(options.settings(env), env, workspace.config());
        Parley parley = Parley.start(settings, workspace.config());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            parley.close();
            stopped.countDown();
        }));
        String base = "http://localhost:" + parley.port();
        System.out.println("Parley is running on " + base + " (listening on " + settings.host() + ")");
        System.out.println("  database:  " + settings.databaseUrl().map(u -> "PostgreSQL")
                .orElse("SQLite in " + settings.dataDir().toAbsolutePath()));
        System.out.println("  limits:    " + settings.redis().map(r -> "shared in Redis").orElse("in this process"));
        System.out.println("  workspace: " + workspace.file().map(Object::toString).orElse("built-in demo"));
        if (!parley.disabledObjects().isEmpty()) {
            System.out.println("  disabled:  " + String.join(", ", parley.disabledObjects())
                    + " (no longer in the workspace file)");
        }
        var channels = parley.channels().registry();
        if (!channels.served().isEmpty()) {
            System.out.println("  channels:  " + String.join(", ", channels.served().stream()
                    .map(c -> c.id() + " (" + c.type().config() + ") webhook " + workspace.config().publicBaseUrl()
                            + "/channels/" + c.id() + "/webhook").toList()));
        }
        System.out.println("  demo page:    " + base + "/demo   (another widget: /demo?widget=<id>)");
        System.out.println("  console:      " + base + "/console");
        System.out.println("  contact API:  " + base + "/api/web/v1/widgets/{widget}/conversations");
        System.out.println("  chatbot API:  " + base + "/api/chatbot/v1/bots/{bot}/events");
        System.out.println("  health:       " + base + "/health/ready");
        if (workspace.file().isEmpty()) {
            System.out.println("  demo widget:  website (group support), answered first by the flow bot 'welcome'"
                    + " (flow: " + settings.dataDir().resolve("flows").resolve(DemoWorkspace.DEMO_FLOW) + ")");
            System.out.println("  operator:     " + DemoWorkspace.DEMO_EMAIL + " / " + DemoWorkspace.DEMO_PASSWORD);
        }
        stopped.await();
        return 0;
    }
}
