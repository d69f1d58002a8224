package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code environments} and {@code environment} keys, and the Braze settings that hang off them. */
class EnvironmentConfigTest {

    private static final String TWO = """
            environments:
              sandbox: { braze: { url: "https://rest.iad-01.braze.com/", api_key_env: BRAZE_SANDBOX_KEY, batch_size: 50,
                                  partner: parley }, orders_url: "http://localhost:9000", retries: 3, live: false }
              prod:    { braze: { url: https://rest.fra-01.braze.eu, api_key_env: BRAZE_PROD_KEY } }
            """;
    private static final Map<String, String> KEYS = Map.of("BRAZE_SANDBOX_KEY", "sbx-k3y", "BRAZE_PROD_KEY",
            "prd-k3y");

    @Test
    void environmentsAreReadWithParamsAsTextAndBrazeApart() {
        ParleyConfig config = ConfigLoader.parse(TWO, "parley.yml", KEYS);

        assertThat(config.environments()).containsOnlyKeys("sandbox", "prod");
        assertThat(config.environment()).isEqualTo("sandbox");
        EnvironmentConfig sandbox = config.activeEnvironment().orElseThrow();
        assertThat(sandbox).isEqualTo(new EnvironmentConfig("sandbox",
                Map.of("orders_url", "http://localhost:9000", "retries", "3", "live", "false"),
                Optional.of(new BrazeConfig("https://rest.iad-01.braze.com", "sbx-k3y", 50, Optional.of("parley")))));
        assertThat(sandbox.params().keySet()).containsExactly("orders_url", "retries", "live");
        assertThat(config.environments().get("prod").braze()).contains(
                new BrazeConfig("https://rest.fra-01.braze.eu", "prd-k3y", 75, Optional.empty()));
    }

    @Test
    void brazeDeliveryIsTunedByLimitModeDeltaMemoryAttemptsAndExportPace() {
        ParleyConfig config = ConfigLoader.parse("""
                environments:
                  sandbox: { braze: { url: https://rest.iad-01.braze.com, api_key_env: BRAZE_SANDBOX_KEY,
                                      batch_limit_mode: per_array, delta_memory: 2h, max_attempts: 5,
                                      exports_per_minute: 2500 } }
                """, "parley.yml", KEYS);

        assertThat(config.activeEnvironment().flatMap(EnvironmentConfig::braze)).contains(new BrazeConfig(
                "https://rest.iad-01.braze.com", "sbx-k3y", 75, Optional.empty(), Optional.empty(),
                BrazeConfig.BatchLimitMode.PER_ARRAY, java.time.Duration.ofHours(2), 5, 2500));
        assertThat(ConfigLoader.parse(TWO, "parley.yml", KEYS).activeEnvironment().flatMap(EnvironmentConfig::braze)
                .orElseThrow()).satisfies(b -> {
                    assertThat(b.batchLimitMode()).isEqualTo(BrazeConfig.BatchLimitMode.COMBINED);
                    assertThat(b.deltaMemory()).isEqualTo(java.time.Duration.ofHours(24));
                    assertThat(b.maxAttempts()).isEqualTo(40);
                    assertThat(b.exportsPerMinute()).isEqualTo(250);
                });
    }

    @Test
    void theEnvironmentKeyPicksOneAndParleyEnvWins() {
        assertThat(ConfigLoader.parse(TWO + "environment: prod\n", "parley.yml", KEYS).environment())
                .isEqualTo("prod");
        Map<String, String> env = new java.util.HashMap<>(KEYS);
        env.put("PARLEY_ENV", "sandbox");
        ParleyConfig overridden = ConfigLoader.parse(TWO + "environment: prod\n", "parley.yml", env);
        assertThat(overridden.environment()).isEqualTo("sandbox");
        assertThat(overridden.activeEnvironment().flatMap(EnvironmentConfig::braze).orElseThrow().apiKey())
                .isEqualTo("sbx-k3y");
    }

    @Test
    void withoutSandboxTheFirstIsSelectedAndWithoutEnvironmentsNone() {
        ParleyConfig firstOnly = ConfigLoader.parse("environments:\n  staging: { orders_url: x }\n  live: {}\n",
                "parley.yml", Map.of());
        assertThat(firstOnly.environment()).isEqualTo("staging");
        assertThat(firstOnly.environments().get("live")).isEqualTo(new EnvironmentConfig("live", Map.of(),
                Optional.empty()));

        ParleyConfig none = ConfigLoader.parse("groups: [{ id: support, name: Support }]\n", "parley.yml", Map.of());
        assertThat(none.environments()).isEmpty();
        assertThat(none.environment()).isEmpty();
        assertThat(none.activeEnvironment()).isEmpty();
    }

    @Test
    void anotherEnvironmentsKeyMayBeMissingHereButTheSelectedOnesMayNot() {
        ParleyConfig config = ConfigLoader.parse(TWO, "parley.yml", Map.of("BRAZE_SANDBOX_KEY", "sbx-k3y"));
        assertThat(config.environments().get("prod").braze().orElseThrow().apiKey()).isEmpty();

        assertThatThrownBy(() -> ConfigLoader.parse(TWO + "environment: prod\n", "parley.yml",
                Map.of("BRAZE_SANDBOX_KEY", "sbx-k3y")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("parley.yml:4: environments.prod.braze.api_key_env: environment variable BRAZE_PROD_KEY"
                        + " is not set");
    }

    @Test
    void theKeyMayComeFromAFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("braze.key"), "from-file\n");
        Path file = dir.resolve("parley.yml");
        Files.writeString(file, "environments:\n  sandbox: { braze: { url: 'http://127.0.0.1:9', api_key_file: braze.key } }\n");

        assertThat(ConfigLoader.load(file, Map.of()).activeEnvironment().flatMap(EnvironmentConfig::braze)
                .orElseThrow().apiKey()).isEqualTo("from-file");
    }

    @Test
    void theKeyIsNeverShown() {
        ParleyConfig config = ConfigLoader.parse(TWO, "parley.yml", KEYS);

        assertThat(config.toString()).doesNotContain("sbx-k3y", "prd-k3y").contains("apiKey=****");
    }

    @Test
    void botsAndWidgetsMaySendToBrazeAfterTheConversation() {
        ParleyConfig config = ConfigLoader.parse(TWO + """
                groups: [{ id: support, name: Support }]
                bots:
                  - { id: b, name: Bee, group: support, type: api, webhook_url: "http://localhost:1/hook",
                      braze: { after_conversation: { event: chat_done, attributes: [first_name, email, dob],
                                                      identify_by: [email, external_id] } } }
                widgets:
                  - { id: web, name: Web, group: support, braze: { after_conversation: {} } }
                  - { id: quiet, name: Quiet, group: support }
                """, "parley.yml", KEYS);

        assertThat(config.bots().getFirst().braze()).contains(new BrazeRetargeting("chat_done",
                List.of("first_name", "email", "dob"),
                List.of(BrazeRetargeting.IdentifyBy.EMAIL, BrazeRetargeting.IdentifyBy.EXTERNAL_ID)));
        assertThat(config.widgets().get(0).braze()).contains(BrazeRetargeting.defaults());
        assertThat(config.widgets().get(1).braze()).isEmpty();
        assertThat(BrazeRetargeting.defaults().event()).isEqualTo("conversation_ended");
    }

    @Test
    void widgetsMaySendTheirPageTagsToBraze() {
        ParleyConfig config = ConfigLoader.parse(TWO + """
                groups: [{ id: support, name: Support }]
                widgets:
                  - id: shop
                    name: Shop
                    group: support
                    braze:
                      page_tags:
                        identify_by: [external_id, email]
                        only: [pricing_viewed, cart_abandoned]
                        event: page_tag
                  - { id: web, name: Web, group: support, braze: { page_tags: {}, after_conversation: {} } }
                  - { id: one, name: One, group: support, braze: { page_tags: { only: pricing_viewed } } }
                  - { id: quiet, name: Quiet, group: support }
                """, "parley.yml", KEYS);

        WidgetConfig shop = config.widgets().get(0);
        assertThat(shop.brazePageTags()).contains(new BrazePageTags(
                List.of(BrazeRetargeting.IdentifyBy.EXTERNAL_ID, BrazeRetargeting.IdentifyBy.EMAIL),
                Optional.of(List.of("pricing_viewed", "cart_abandoned")), Optional.of("page_tag")));
        assertThat(shop.braze()).isEmpty();
        WidgetConfig web = config.widgets().get(1);
        assertThat(web.brazePageTags()).contains(BrazePageTags.defaults());
        assertThat(web.braze()).contains(BrazeRetargeting.defaults());
        assertThat(BrazePageTags.defaults().identifyBy()).containsExactly(BrazeRetargeting.IdentifyBy.values());
        assertThat(BrazePageTags.defaults().sends("anything")).isTrue();
        BrazePageTags one = config.widgets().get(2).brazePageTags().orElseThrow();
        assertThat(one.sends("pricing_viewed")).isTrue();
        assertThat(one.sends("cart_abandoned")).isFalse();
        assertThat(config.widgets().get(3).brazePageTags()).isEmpty();
    }

    private static final String RULE_BASE = "groups: [{ id: support, name: Support }]\nwidgets:\n"
            + "  - id: web\n    name: Web\n    group: support\n    braze:\n";

    static Stream<Arguments> invalidFiles() {
        String sandbox = "environments:\n  sandbox:\n    braze:\n      url: https://rest.iad-01.braze.com\n"
                + "      api_key_env: BRAZE_SANDBOX_KEY\n";
        return Stream.of(
                arguments("unknown selected environment", TWO + "environment: prd\n",
                        "parley.yml:5: environment: environment 'prd' is not defined; did you mean 'prod'?"
                                + " (defined: sandbox, prod)"),
                arguments("selected environment without any defined", "environment: prod\n",
                        "parley.yml:1: environment: environment 'prod' is not defined (the file defines no environments)"),
                arguments("braze url not http", sandbox.replace("https://rest.iad-01.braze.com", "rest.iad-01.braze.com"),
                        "parley.yml:4: environments.sandbox.braze.url: 'rest.iad-01.braze.com' is not an absolute"
                                + " http(s) URL"),
                arguments("batch size above Braze's limit", sandbox + "      batch_size: 100\n",
                        "parley.yml:6: environments.sandbox.braze.batch_size: must be between 1 and 75, got 100"),
                arguments("unknown batch limit mode", sandbox + "      batch_limit_mode: total\n",
                        "parley.yml:6: environments.sandbox.braze.batch_limit_mode: 'total' is not one of combined,"
                                + " per_array"),
                arguments("no attempt", sandbox + "      max_attempts: 0\n",
                        "parley.yml:6: environments.sandbox.braze.max_attempts: must be between 1 and 10000, got 0"),
                arguments("batch size zero", sandbox + "      batch_size: 0\n",
                        "parley.yml:6: environments.sandbox.braze.batch_size: must be between 1 and 75, got 0"),
                arguments("batch size not a number", sandbox + "      batch_size: many\n",
                        "parley.yml:6: environments.sandbox.braze.batch_size: 'many' is not an integer"),
                arguments("braze without url", "environments:\n  sandbox:\n    braze:\n      api_key_env: K\n",
                        "parley.yml:4: environments.sandbox.braze.url: required key is missing"),
                arguments("braze without key", "environments:\n  sandbox:\n    braze:\n      url: https://x.example\n",
                        "parley.yml:4: environments.sandbox.braze.api_key_env: the Braze REST API key is required:"
                                + " set api_key_env (an environment variable) or api_key_file (a file)"),
                arguments("key written in the file", "environments:\n  sandbox:\n    braze:\n      url: https://x.example\n"
                                + "      api_key: abc\n",
                        "parley.yml:5: environments.sandbox.braze.api_key: secrets may not be written in the file;"
                                + " use api_key_env (an environment variable) or api_key_file (a file) instead"),
                arguments("misspelt braze key", sandbox + "      batchsize: 10\n",
                        "parley.yml:6: environments.sandbox.braze.batchsize: unknown key 'batchsize'; did you mean"
                                + " 'batch_size'?"),
                arguments("nested parameter", "environments:\n  sandbox:\n    orders: { url: x }\n",
                        "parley.yml:3: environments.sandbox.orders: environment parameters are text, numbers or"
                                + " true/false; got a mapping (only braze takes nested keys)"),
                arguments("environments not a mapping", "environments: [sandbox]\n",
                        "parley.yml:1: environments: expected a mapping, got a list"),
                arguments("bad environment name", "environments:\n  'my env': {}\n",
                        "parley.yml:2: environments.my env: 'my env' is not a valid environment name (a letter, then"
                                + " up to 63 letters, digits or '_')"),
                arguments("rule without Braze", RULE_BASE + "      after_conversation: { event: done }\n",
                        "parley.yml:7: widgets[0].braze: sends to Braze, but the file defines no environments; add"
                                + " one with a braze key (url, api_key_env)"),
                arguments("rule with a selected environment lacking Braze", "environments: { prod: {} }\n" + RULE_BASE
                                + "      after_conversation: {}\n",
                        "parley.yml:8: widgets[0].braze: sends to Braze, but the selected environment 'prod' has no"
                                + " braze key (url, api_key_env)"),
                arguments("unknown identifier", sandbox + RULE_BASE + "      after_conversation: { identify_by: fax }\n",
                        "parley.yml:12: widgets[0].braze.after_conversation.identify_by: 'fax' is not one of"
                                + " external_id, email, phone, alias"),
                arguments("attribute naming the user", sandbox + RULE_BASE
                                + "      after_conversation: { attributes: [email, external_id] }\n",
                        "parley.yml:12: widgets[0].braze.after_conversation.attributes[1]: 'external_id' names the"
                                + " Braze user; choose it with identify_by instead"),
                arguments("attribute with a dot", sandbox + RULE_BASE
                                + "      after_conversation: { attributes: [home.city] }\n",
                        "parley.yml:12: widgets[0].braze.after_conversation.attributes[0]: 'home.city' is not a Braze"
                                + " attribute name (up to 255 characters without spaces or '.', not starting with '$')"),
                arguments("misspelt rule key", sandbox + RULE_BASE + "      after_conversation: { events: x }\n",
                        "parley.yml:12: widgets[0].braze.after_conversation.events: unknown key 'events'; did you"
                                + " mean 'event'?"),
                arguments("misspelt braze owner key", sandbox + RULE_BASE + "      after_conversations: {}\n",
                        "parley.yml:12: widgets[0].braze.after_conversations: unknown key 'after_conversations';"
                                + " did you mean 'after_conversation'?"),
                arguments("page tags without Braze", RULE_BASE + "      page_tags: {}\n",
                        "parley.yml:7: widgets[0].braze: sends to Braze, but the file defines no environments; add"
                                + " one with a braze key (url, api_key_env)"),
                arguments("misspelt page tags key", sandbox + RULE_BASE + "      page_tag: {}\n",
                        "parley.yml:12: widgets[0].braze.page_tag: unknown key 'page_tag'; did you mean"
                                + " 'page_tags'?"),
                arguments("page tags not a mapping", sandbox + RULE_BASE + "      page_tags: yes\n",
                        "parley.yml:12: widgets[0].braze.page_tags: expected a mapping (identify_by, only, event),"
                                + " got 'yes'; write page_tags: {} to send every tag"),
                arguments("misspelt page tags rule key", sandbox + RULE_BASE + "      page_tags: { ony: [a] }\n",
                        "parley.yml:12: widgets[0].braze.page_tags.ony: unknown key 'ony'; did you mean 'only'?"),
                arguments("page tags unknown identifier", sandbox + RULE_BASE
                                + "      page_tags: { identify_by: [email, fax] }\n",
                        "parley.yml:12: widgets[0].braze.page_tags.identify_by[1]: 'fax' is not one of"
                                + " external_id, email, phone, alias"),
                arguments("page tags empty only", sandbox + RULE_BASE + "      page_tags: { only: [] }\n",
                        "parley.yml:12: widgets[0].braze.page_tags.only: name at least one tag, or leave only out"
                                + " to send every tag"),
                arguments("page tags only not a tag name", sandbox + RULE_BASE
                                + "      page_tags:\n        only:\n          - pricing\n          - cart abandoned\n",
                        "parley.yml:15: widgets[0].braze.page_tags.only[1]: 'cart abandoned' is not a tag name"
                                + " (1–100 letters, digits, '_', '.', ':' or '-', starting with a letter or digit)"),
                arguments("page tags only twice the same", sandbox + RULE_BASE
                                + "      page_tags:\n        only: [pricing,\n               pricing]\n",
                        "parley.yml:14: widgets[0].braze.page_tags.only[1]: duplicate tag 'pricing' (first on"
                                + " line 13)"),
                arguments("page tags event too long", sandbox + RULE_BASE + "      page_tags: { event: "
                                + "e".repeat(256) + " }\n",
                        "parley.yml:12: widgets[0].braze.page_tags.event: Braze event names have at most 255"
                                + " characters, got 256"),
                arguments("page tags on a bot", sandbox + "groups: [{ id: support, name: Support }]\nbots:\n"
                                + "  - { id: b, name: Bee, group: support, type: api, webhook_url: 'http://localhost:1/h',\n"
                                + "      braze: { page_tags: {} } }\n",
                        "parley.yml:9: bots[0].braze.page_tags: page tags come from website widgets: set"
                                + " braze.page_tags on the widget instead"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidEnvironmentsNameLinePathAndRule(String description, String yaml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "parley.yml", Map.of("BRAZE_SANDBOX_KEY", "k", "K", "k")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void anUnknownParleyEnvNamesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.parse(TWO, "parley.yml", Map.of("PARLEY_ENV", "staging")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment: PARLEY_ENV: 'staging' is not an environment of parley.yml"
                        + " (defined: sandbox, prod)");
        assertThatThrownBy(() -> ConfigLoader.parse("", "parley.yml", Map.of("PARLEY_ENV", "prod")))
                .hasMessage("environment: PARLEY_ENV: 'prod' is not an environment of parley.yml"
                        + " (the file defines no environments)");
    }
}
