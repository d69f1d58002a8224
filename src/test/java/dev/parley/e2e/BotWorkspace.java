package dev.parley.e2e;

/** The workspace of the end-to-end tests: one group, one widget, one api bot in firewall mode, no humans. */
final class BotWorkspace {
    static final String WIDGET = "website";

    private BotWorkspace() {}

    /**
     * A bot {@code botId} taking every conversation of widget {@value #WIDGET}; Parley sends
     * {@code API-SECURITY-TOKEN: <webhookToken>} with every call, the bot authenticates with the
     * token in environment variable {@code apiTokenEnv}.
     */
    static String firewallBot(String botId, String webhookUrl, String webhookToken, String apiTokenEnv) {
        return """
                groups:
                  - { id: support, name: Support }
                bots:
                  - id: %s
                    name: Test Bot
                    group: support
                    type: api
                    behavior: firewall
                    slots: 100
                    webhook_url: %s
                    webhook_headers: { API-SECURITY-TOKEN: "%s" }
                    api_token_env: %s
                    webhook_retry: { attempts: 10, first_delay: 200ms }
                widgets:
                  - { id: %s, name: Website, group: support }
                """.formatted(botId, webhookUrl, webhookToken, apiTokenEnv, WIDGET);
    }
}
