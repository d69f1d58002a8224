package dev.parley.bench;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import java.net.URI;
import java.util.Map;

/** The benchmark's workspace: one group, one widget, one API bot that takes every conversation first. */
final class BenchWorkspace {
    /** The most sessions one bot may hold at once ({@code slots} is capped by the configuration). */
    static final int MAX_SESSIONS = 1000;
    static final String WIDGET = "bench";
    static final String BOT = "echobot";

    private BenchWorkspace() {}

    static ParleyConfig config(URI webhook) {
        return ConfigLoader.parse(yaml(webhook), "bench workspace", Map.of());
    }

    /** The workspace as {@code parley.yml}, for Parley nodes started as processes of their own. */
    static String yaml(URI webhook) {
        return """
                public_base_url: http://127.0.0.1
                groups:
                  - { id: bench, name: Bench }
                bots:
                  - id: %s
                    name: Echo Bot
                    group: bench
                    type: api
                    behavior: firewall
                    slots: %d
                    webhook_url: %s
                    request_timeout: 10s
                widgets:
                  - { id: %s, name: Bench, group: bench }
                # every bench contact writes from 127.0.0.1 as fast as answers come: no limit may be what is measured
                limits:
                  open_per_address: 1000000000/1s
                  write_per_contact: 1000000000/1s
                  write_per_address: 1000000000/1s
                """.formatted(BOT, MAX_SESSIONS, webhook, WIDGET);
    }
}
