package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigErrorsTest {

    /** Lines 1-3. */
    private static final String BASE = """
            groups:
              - { id: support, name: Support }
            skills: [billing]
            """;

    /** Lines 4-9: a valid api bot to which a case adds keys from line 10. */
    private static final String BOT = """
            bots:
              - id: shopbot
                name: Shop Bot
                group: support
                type: api
                webhook_url: http://localhost:8000/webhook
            """;

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                arguments("misspelt key", BASE + BOT + "    behaviour: firewall\n",
                        "parley.yml:10: bots[0].behaviour: unknown key 'behaviour'; did you mean 'behavior'?"),
                arguments("value outside a closed set", BASE + BOT + "    behavior: sometimes\n",
                        "parley.yml:10: bots[0].behavior: 'sometimes' is not one of service_time, backup, human, firewall"),
                arguments("misspelt top-level key", BASE + "widget:\n  - { id: w }\n",
                        "parley.yml:4: widget: unknown key 'widget'; did you mean 'widgets'?"),
                arguments("unknown top-level key", "colour: blue\n",
                        "parley.yml:1: colour: unknown key 'colour' (expected one of: public_base_url, groups, skills,"
                                + " operators, bots, widgets, channels, environments, environment, flows, braze, addons, smtp,"
                                + " server, auth, limits, retention, redis_url)"),
                arguments("rate without a period", "limits: { write_per_contact: 20 }\n",
                        "parley.yml:1: limits.write_per_contact: '20' is not a rate; write <count>/<duration>, such as 20/1m"),
                arguments("rate of nothing", "auth: { login_per_account: 0/1m }\n",
                        "parley.yml:1: auth.login_per_account: '0/1m' needs a count from 1 to 1000000000 and a period"
                                + " longer than zero"),
                arguments("size with an unknown unit", "limits: { media_per_conversation: 2TB }\n",
                        "parley.yml:1: limits.media_per_conversation: '2TB' is not a size; write bytes or a number"
                                + " with KB, MB or GB"),
                arguments("idle token outlives the token", "auth: { token_idle: 2d, token_max: 1d }\n",
                        "parley.yml:1: auth.token_idle: must not be longer than token_max (PT24H)"),
                arguments("bind to a URL", "server: { bind: \"http://0.0.0.0/\" }\n",
                        "parley.yml:1: server.bind: 'http://0.0.0.0/' is not an address to listen on (such as"
                                + " 127.0.0.1, ::1 or 0.0.0.0)"),
                arguments("misspelt limit", "limits: { upload_per_contacts: 3/1m }\n",
                        "parley.yml:1: limits.upload_per_contacts: unknown key 'upload_per_contacts'; did you mean"
                                + " 'upload_per_contact'?"),
                arguments("string where a list is expected", "skills: billing\n",
                        "parley.yml:1: skills: expected a list, got a string"),
                arguments("nested string where a list is expected", BASE
                                + "operators:\n  - { id: ada, name: Ada, email: ada@example.com, group: support, skills: billing }\n",
                        "parley.yml:5: operators[0].skills: expected a list, got a string"),
                arguments("mapping where a string is expected", BASE
                                + "operators:\n  - id: ada\n    email: ada@example.com\n    group: support\n    name: { first: Ada }\n",
                        "parley.yml:8: operators[0].name: expected a string, got a mapping"),
                arguments("channels not a list", "channels: {}\n",
                        "parley.yml:1: channels: expected a list, got a mapping"),
                arguments("duplicate id", "groups:\n  - { id: support, name: Support }\n  - { id: support, name: Other }\n",
                        "parley.yml:3: groups[1].id: duplicate group id 'support' (first on line 2)"),
                arguments("invalid id", "groups:\n  - { id: 'has space', name: X }\n",
                        "parley.yml:2: groups[0].id: 'has space' is not a valid id (1 to 64 letters, digits, '_', '.' or '-')"),
                arguments("undefined group", BASE
                                + "operators:\n  - { id: ada, name: Ada, email: ada@example.com, group: suport }\n",
                        "parley.yml:5: operators[0].group: group 'suport' is not defined; did you mean 'support'?"),
                arguments("no groups at all", "widgets:\n  - { id: w, name: W, group: support }\n",
                        "parley.yml:2: widgets[0].group: group 'support' is not defined (the file defines no groups)"),
                arguments("undefined skill", BASE
                                + "operators:\n  - { id: ada, name: Ada, email: ada@example.com, group: support, skills: [biling] }\n",
                        "parley.yml:5: operators[0].skills[0]: skill 'biling' is not defined; did you mean 'billing'?"),
                arguments("bad e-mail", BASE
                                + "operators:\n  - { id: ada, name: Ada, email: ada.example.com, group: support }\n",
                        "parley.yml:5: operators[0].email: 'ada.example.com' is not an e-mail address"),
                arguments("duplicate e-mail", BASE
                                + "operators:\n  - { id: ada, name: Ada, email: ada@example.com, group: support }\n"
                                + "  - { id: ada2, name: Ada, email: ADA@example.com, group: support }\n",
                        "parley.yml:6: operators[1].email: duplicate operator e-mail 'ada@example.com' (first on line 5)"),
                arguments("missing required key", BASE + "operators:\n  - { id: ada, name: Ada, group: support }\n",
                        "parley.yml:5: operators[0].email: required key is missing"),
                arguments("required key without value", "groups:\n  - id: support\n    name:\n",
                        "parley.yml:3: groups[0].name: a value is required"),
                arguments("empty name", "groups:\n  - { id: support, name: '' }\n",
                        "parley.yml:2: groups[0].name: must not be empty"),
                arguments("slots out of range", BASE + BOT + "    slots: 0\n",
                        "parley.yml:10: bots[0].slots: must be between 1 and 1000, got 0"),
                arguments("slots not a number", BASE + BOT + "    slots: many\n",
                        "parley.yml:10: bots[0].slots: 'many' is not an integer"),
                arguments("api bot without webhook", BASE + "bots:\n  - id: shopbot\n    name: Shop Bot\n    group: support\n    type: api\n",
                        "parley.yml:5: bots[0].webhook_url: required for bots of type api"),
                arguments("flow bot without flow", BASE + "bots:\n  - { id: faq, name: FAQ, group: support, type: flow }\n",
                        "parley.yml:5: bots[0].flow: required for bots of type flow"),
                arguments("flow bot with webhook", BASE
                                + "bots:\n  - { id: faq, name: FAQ, group: support, type: flow, flow: f.yml, webhook_url: 'http://x' }\n",
                        "parley.yml:5: bots[0].webhook_url: bots of type flow have no webhook; remove it or set type: api"),
                arguments("api bot with flow", BASE + BOT + "    flow: flows/shop.yml\n",
                        "parley.yml:10: bots[0].flow: only bots of type flow run a flow; remove it or set type: flow"),
                arguments("webhook not http", BASE
                                + "bots:\n  - id: shopbot\n    name: Shop Bot\n    group: support\n    type: api\n    webhook_url: ftp://example.com/hook\n",
                        "parley.yml:9: bots[0].webhook_url: 'ftp://example.com/hook' is not an absolute http(s) URL"),
                arguments("relative webhook", BASE
                                + "bots:\n  - id: shopbot\n    name: Shop Bot\n    group: support\n    type: api\n    webhook_url: /webhook\n",
                        "parley.yml:9: bots[0].webhook_url: '/webhook' is not an absolute http(s) URL"),
                arguments("bad header name", BASE + BOT + "    webhook_headers: { \"Bad Header\": x }\n",
                        "parley.yml:10: bots[0].webhook_headers.Bad Header: 'Bad Header' is not a valid HTTP header name"),
                arguments("retry attempts out of range", BASE + BOT + "    webhook_retry: { attempts: 21 }\n",
                        "parley.yml:10: bots[0].webhook_retry.attempts: must be between 1 and 20, got 21"),
                arguments("timeout action outside the set", BASE + BOT + "    timeout: { after: 10m, action: explode }\n",
                        "parley.yml:10: bots[0].timeout.action: 'explode' is not one of end, unassign, forward"),
                arguments("misspelt nested key", BASE + BOT + "    timeout: { afer: 10m }\n",
                        "parley.yml:10: bots[0].timeout.afer: unknown key 'afer'; did you mean 'after'?"),
                arguments("zero duration", BASE + BOT + "    request_timeout: 0\n",
                        "parley.yml:10: bots[0].request_timeout: must be longer than zero"),
                arguments("bad duration", BASE + "widgets:\n  - id: website\n    name: Website\n    group: support\n    live_timeout: 30 minutes\n",
                        "parley.yml:8: widgets[0].live_timeout: '30 minutes' is not a duration (such as 500ms, 30s, 10m, 2h, 1d)"),
                arguments("unknown phone region", BASE + "widgets:\n  - { id: website, name: Website, group: support, phone_region: XY }\n",
                        "parley.yml:5: widgets[0].phone_region: 'XY' is not a region with phone numbers (a two-letter ISO 3166 code such as DE, FR, US)"),
                arguments("bad locale", BASE + "widgets:\n  - { id: website, name: Website, group: support, locale: deutsch_de }\n",
                        "parley.yml:5: widgets[0].locale: 'deutsch_de' is not a language tag (BCP 47, such as en, de or de-AT)"),
                arguments("bad boolean", BASE + "widgets:\n  - { id: website, name: Website, group: support, registration: maybe }\n",
                        "parley.yml:5: widgets[0].registration: 'maybe' is not true or false"),
                arguments("duplicate key", "groups: []\nskills: []\ngroups: []\n",
                        "parley.yml:3: groups: duplicate key (first on line 1)"),
                arguments("root is a list", "- a\n- b\n",
                        "parley.yml:1: expected a mapping, got a list"),
                arguments("YAML syntax error", "groups:\n  - { id: support, name: Support\nskills: []\n",
                        "parley.yml:3: invalid YAML: while parsing a flow mapping on line 2, expected ',' or '}', but got :"),
                arguments("several documents", "groups: []\n---\nskills: []\n",
                        "parley.yml:2: invalid YAML: expected a single document in the stream on line 1, but found another document"),
                arguments("tab indentation", "groups:\n\t- { id: support, name: Support }\n",
                        "parley.yml:2: invalid YAML: while scanning for the next token, found character '\\t(TAB)'"
                                + " that cannot start any token. (Do not use \\t(TAB) for indentation)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidFileNamesLinePathAndExpectation(String description, String yaml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "parley.yml", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void exceptionExposesItsParts() {
        ConfigException e = parseError(BASE + BOT + "    behavior: sometimes\n");

        assertThat(e.file()).isEqualTo("parley.yml");
        assertThat(e.line()).hasValue(10);
        assertThat(e.path()).isEqualTo("bots[0].behavior");
        assertThat(e.detail()).isEqualTo("'sometimes' is not one of service_time, backup, human, firewall");
    }

    @Test
    void syntaxErrorHasLineButNoPath() {
        ConfigException e = parseError("a: b: c\n");

        assertThat(e.line()).hasValue(1);
        assertThat(e.path()).isEmpty();
        assertThat(e).hasMessage("parley.yml:1: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void sourceNameAppearsInMessages() {
        assertThatThrownBy(() -> ConfigLoader.parse("colour: blue\n", "config/prod.yml", Map.of()))
                .hasMessageStartingWith("config/prod.yml:1: colour: unknown key");
    }

    private static ConfigException parseError(String yaml) {
        try {
            ConfigLoader.parse(yaml, "parley.yml", Map.of());
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }
}
