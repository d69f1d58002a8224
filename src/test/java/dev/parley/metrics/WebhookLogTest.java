package dev.parley.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The log line of a failed webhook call names its conversation, bot and outbox event, in the text format
 * ({@code logback.xml}, the default) and in JSON ({@code logback-json.xml}, {@code PARLEY_LOG_FORMAT=json}).
 */
class WebhookLogTest {
    private static final JsonHttp HTTP = new JsonHttp();
    private final PrintStream stdout = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @TempDir
    Path temp;

    static Stream<Arguments> formats() {
        return Arrays.stream(StoreKind.values()).flatMap(kind -> Stream.of(Arguments.of(kind, "logback.xml"),
                Arguments.of(kind, "logback-json.xml")));
    }

    @AfterEach
    void restore() throws JoranException {
        System.setOut(stdout);
        configure("logback.xml");
    }

    private static void configure(String resource) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(WebhookLogTest.class.getResource("/" + resource));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aFailedWebhookCallIsLoggedWithItsConversationBotAndEvent(StoreKind kind, String config) throws Exception {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        configure(config);
        try (WebhookRecorder bot = WebhookRecorder.start((h, b) -> new WebhookRecorder.Reply(503, "busy"));
                TestParley parley = TestParley.start(kind, temp, """
                        groups: [{ id: support, name: Support }]
                        bots:
                          - { id: down, name: Down, group: support, type: api, behavior: firewall, webhook_url: "%s",
                              webhook_retry: { attempts: 1 } }
                        widgets: [{ id: web, name: Web, group: support }]
                        """.formatted(bot.url()), Map.of())) {
            HttpAnswer opened = HTTP.post(parley.baseUrl() + "/api/web/v1/widgets/web/conversations", Map.of(),
                    "{\"contact\":{}}");
            assertThat(opened.status()).as("%s", opened).isEqualTo(201);
            assertThat(opened.header("X-Request-Id")).get().asString().hasSize(32);
            WebContact contact = WebContact.of(HTTP, parley.baseUrl(), opened.json().path("conversation_id").asText(),
                    opened.json().path("contact_token").asText());

            String line = await().atMost(Duration.ofSeconds(10)).until(() -> webhookLine(), Optional::isPresent)
                    .orElseThrow();
            String event = bot.calls().getFirst().eventId();
            if (config.contains("json")) {
                JsonNode json = Json.MAPPER.readTree(line);
                assertThat(json.path("level").asText()).isEqualTo("WARN");
                assertThat(json.path("formattedMessage").asText()).contains("HTTP 503");
                JsonNode mdc = json.path("mdc");
                assertThat(mdc.path("conversation_id").asText()).isEqualTo(contact.conversationId());
                assertThat(mdc.path("bot_id").asText()).isEqualTo("down");
                assertThat(mdc.path("event_id").asText()).isEqualTo(event);
            } else {
                assertThat(line).contains(" WARN ", "conversation_id=" + contact.conversationId(), "bot_id=down",
                        "event_id=" + event, "HTTP 503");
            }
        }
    }

    private Optional<String> webhookLine() {
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("attempt 1 to bot down: failed")).findFirst();
    }
}
