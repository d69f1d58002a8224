package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final String FULL = """
            public_base_url: https://chat.example.com/
            groups:
              - { id: support, name: Support }
              - { id: sales, name: Sales }
            skills: [billing, german]
            operators:                       # humans
              - { id: ada, name: Ada Admin, email: ada@example.com, group: support, role: admin,
                  skills: [billing], slots: 5, password_env: PARLEY_ADA_PASSWORD }
              - { id: bob, name: Bob, email: bob@example.com, group: sales }
            bots:
              - id: shopbot
                name: Shop Bot
                group: support
                type: api
                behavior: firewall
                slots: 100
                registration: false
                timeout: { after: 10m, action: forward }
                webhook_url: http://localhost:8000/webhook
                webhook_headers: { API-SECURITY-TOKEN: "${SHOPBOT_WEBHOOK_TOKEN}" }
                api_token_env: SHOPBOT_API_TOKEN
                signing_secret_env: SHOPBOT_SIGNING_SECRET
                request_timeout: 2500ms
                webhook_retry: { attempts: 3, first_delay: 2s }
                skills: [german]
                avatar_url: /static/shopbot.png
              - id: faq
                name: FAQ
                group: sales
                type: flow
                flow: flows/faq.yml
            widgets:
              - id: website
                name: Website
                group: support
                registration: false
                live_timeout: 30m
                service_hours: { zone: Europe/Berlin, mon-fri: "09:00-12:00, 13:00-17:00", sat: "10:00-14:00" }
                chatbot_assignment: true
              - { id: shop, name: Shop, group: sales }
            channels: []
            """;

    static final Map<String, String> ENV = Map.of(
            "PARLEY_ADA_PASSWORD", "ada-secret-1",
            "SHOPBOT_WEBHOOK_TOKEN", "header-secret-2",
            "SHOPBOT_API_TOKEN", "api-secret-3",
            "SHOPBOT_SIGNING_SECRET", "signing-secret-4");

    @Test
    void fullFileBecomesRecords() {
        ParleyConfig config = ConfigLoader.parse(FULL, "parley.yml", ENV);

        assertThat(config.publicBaseUrl()).isEqualTo("https://chat.example.com");
        assertThat(config.groups()).containsExactly(new GroupConfig("support", "Support"), new GroupConfig("sales", "Sales"));
        assertThat(config.skills()).containsExactly("billing", "german");
        assertThat(config.operators()).containsExactly(
                new OperatorConfig("ada", "Ada Admin", "ada@example.com", "support", Role.ADMIN, List.of("billing"), 5,
                        Optional.of("ada-secret-1")),
                new OperatorConfig("bob", "Bob", "bob@example.com", "sales", Role.AGENT, List.of(), 5, Optional.empty()));
        assertThat(config.bots()).containsExactly(
                new BotConfig("shopbot", "Shop Bot", "support", BotType.API, Behavior.FIREWALL, 100, false,
                        Optional.of(new BotTimeout(Duration.ofMinutes(10), TimeoutAction.FORWARD)),
                        Optional.of(URI.create("http://localhost:8000/webhook")),
                        Map.of("API-SECURITY-TOKEN", "header-secret-2"),
                        Optional.of("api-secret-3"), Optional.of("signing-secret-4"), Duration.ofMillis(2500),
                        new RetryConfig(3, Duration.ofSeconds(2)), Optional.empty(), List.of("german"),
                        Optional.of("/static/shopbot.png")),
                new BotConfig("faq", "FAQ", "sales", BotType.FLOW, Behavior.HUMAN, 10, false, Optional.empty(),
                        Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Duration.ofSeconds(30),
                        new RetryConfig(6, Duration.ofSeconds(1)), Optional.of(java.nio.file.Path.of("flows/faq.yml").toAbsolutePath().toString()), List.of(),
                        Optional.empty()));
        ServiceHours hours = new ServiceHours(ZoneId.of("Europe/Berlin"), Map.of(
                DayOfWeek.MONDAY, ranges(), DayOfWeek.TUESDAY, ranges(), DayOfWeek.WEDNESDAY, ranges(),
                DayOfWeek.THURSDAY, ranges(), DayOfWeek.FRIDAY, ranges(),
                DayOfWeek.SATURDAY, List.of(new TimeRange(LocalTime.of(10, 0), LocalTime.of(14, 0)))));
        assertThat(config.widgets()).containsExactly(
                new WidgetConfig("website", "Website", "support", false, Optional.of(Duration.ofMinutes(30)),
                        Optional.of(hours), true),
                new WidgetConfig("shop", "Shop", "sales", false, Optional.empty(), Optional.empty(), true));
    }

    @Test
    void aWidgetLocaleIsReadAsALanguageTag() {
        ParleyConfig config = ConfigLoader.parse("""
                groups: [{ id: support, name: Support }]
                widgets:
                  - { id: website, name: Website, group: support, locale: de-at }
                  - { id: shop, name: Shop, group: support }
                """, "parley.yml", Map.of());
        assertThat(config.widgets().get(0).locale()).contains("de-AT");
        assertThat(config.widgets().get(1).locale()).isEmpty();
        assertThat(WidgetConfig.locales(config.widgets())).isEqualTo(Map.of("website", "de-AT"));
    }

    private static List<TimeRange> ranges() {
        return List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new TimeRange(LocalTime.of(13, 0), LocalTime.of(17, 0)));
    }

    @Test
    void serverAuthAndLimitsHaveDefaultsAndReadTheirValues() {
        assertThat(ConfigLoader.parse("", "parley.yml", Map.of()).security()).isEqualTo(SecurityConfig.DEFAULTS);
        SecurityConfig security = ConfigLoader.parse("""
                server: { bind: 127.0.0.1, idle_timeout: 10s, read_timeout: 2m, trust_forwarded: true }
                auth: { token_idle: 1h, token_max: 1d, login_per_account: 5/10m, away_after: 90s }
                limits: { open_per_address: 30/1m, upload_per_contact: 4/1h, media_per_conversation: 50MB }
                """, "parley.yml", Map.of()).security();
        assertThat(security.server()).isEqualTo(new ServerConfig(Optional.of("127.0.0.1"), Duration.ofSeconds(10),
                Duration.ofMinutes(2), true));
        assertThat(security.auth()).isEqualTo(new AuthConfig(Duration.ofHours(1), Duration.ofDays(1),
                Rate.of(5, Duration.ofMinutes(10)), AuthConfig.DEFAULTS.loginPerAddress(), Duration.ofSeconds(90)));
        assertThat(security.limits().openPerAddress()).isEqualTo(Rate.of(30, Duration.ofMinutes(1)));
        assertThat(security.limits().uploadPerContact()).isEqualTo(Rate.of(4, Duration.ofHours(1)));
        assertThat(security.limits().writePerContact()).isEqualTo(ContactLimitsConfig.DEFAULTS.writePerContact());
        assertThat(security.limits().mediaPerConversation()).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    void emptyFileIsAnEmptyWorkspace() {
        for (String empty : List.of("", "# nothing configured yet\n", "---\n")) {
            ParleyConfig config = ConfigLoader.parse(empty, "parley.yml", Map.of());
            assertThat(config).isEqualTo(new ParleyConfig("http://localhost:8080", List.of(), List.of(), List.of(),
                    List.of(), List.of()));
        }
    }

    @Test
    void environmentOverridesPublicBaseUrl() {
        ParleyConfig config = ConfigLoader.parse("public_base_url: http://localhost:8080\n", "parley.yml",
                Map.of("PARLEY_PUBLIC_BASE_URL", "https://parley.example.org/"));

        assertThat(config.publicBaseUrl()).isEqualTo("https://parley.example.org");
    }

    @Test
    void invalidPublicBaseUrlFromEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.parse("", "parley.yml", Map.of("PARLEY_PUBLIC_BASE_URL", "localhost")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment: PARLEY_PUBLIC_BASE_URL: 'localhost' is not an absolute http(s) URL");
    }

    @Test
    void reservedTopLevelKeysAreAcceptedAndIgnored() {
        String yaml = """
                flows: { dir: flows }
                braze: { api_key_env: BRAZE_KEY }
                """;

        assertThat(ConfigLoader.parse(yaml, "parley.yml", Map.of()).groups()).isEmpty();
    }

    @Test
    void loadReadsTheFileAndResolvesSecretFilesNextToIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ada.secret"), "from-a-file\n");
        Path file = dir.resolve("parley.yml");
        Files.writeString(file, """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, password_file: ada.secret }
                """);

        ParleyConfig config = ConfigLoader.load(file, Map.of());

        assertThat(config.operators().get(0).password()).contains("from-a-file");
    }

    @Test
    void missingFileIsAConfigException(@TempDir Path dir) {
        Path file = dir.resolve("absent.yml");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": cannot read file (NoSuchFileException)")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEmpty());
    }

    @Test
    void demoWorkspaceHasOneGroupWidgetAndAdmin() {
        ParleyConfig demo = DemoWorkspace.config();

        assertThat(demo.groups()).containsExactly(new GroupConfig("support", "Support"));
        assertThat(demo.widgets()).containsExactly(new WidgetConfig("website", "Website", "support", false,
                Optional.of(Duration.ofMinutes(30)), Optional.empty(), true));
        assertThat(demo.operators()).singleElement().satisfies(ada -> {
            assertThat(ada.email()).isEqualTo(DemoWorkspace.DEMO_EMAIL).isEqualTo("ada@example.com");
            assertThat(ada.password()).contains(DemoWorkspace.DEMO_PASSWORD).contains("parley-demo");
            assertThat(ada.role()).isEqualTo(Role.ADMIN);
            assertThat(ada.group()).isEqualTo("support");
        });
        assertThat(demo.bots()).isEmpty();
    }

    @Test
    void recordsAreImmutable() {
        ParleyConfig config = ConfigLoader.parse(FULL, "parley.yml", ENV);

        assertThatThrownBy(() -> config.groups().add(new GroupConfig("x", "X")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.bots().get(0).webhookHeaders().put("X", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.widgets().get(0).serviceHours().orElseThrow().days().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
