package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import dev.parley.testing.WebhookRecorder.Call;
import dev.parley.testing.WebhookRecorder.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Platform spec §7: what Parley acknowledged survives {@code kill -9}, and every event still reaches the bot once. */
class CrashDurabilityTest {
    private static final int CONTACTS = 5;
    private static final int MESSAGES = 40;
    private static final String TOKEN_ENV = "CRASH_BOT_API_TOKEN";

    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void acknowledgedMessagesSurviveKillNineAndEveryEventReachesTheBot(StoreKind kind, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = kind.create(dir); WebhookRecorder bot = echoBot()) {
            Path config = Files.writeString(dir.resolve("parley.yml"),
                    BotWorkspace.firewallBot("echobot", bot.url(), "webhook-secret", TOKEN_ENV));
            Map<String, String> env = new HashMap<>(Map.of(TOKEN_ENV, "echo-api-token"));
            db.databaseUrl().ifPresent(url -> env.put("PARLEY_DATABASE_URL", url));
            Path log = dir.resolve("parley.log");

            List<WebContact> contacts = new ArrayList<>();
            ConcurrentWriters writers;
            try (ParleyProcess first = ParleyProcess.start(config, db.dataDir(), env, log)) {
                for (int k = 0; k < CONTACTS; k++) {
                    contacts.add(WebContact.open(http, first.baseUrl(), BotWorkspace.WIDGET));
                }
                writers = new ConcurrentWriters(contacts, MESSAGES);
                writers.start();
                await("half of the writes acknowledged").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> writers.acknowledgedCount() >= CONTACTS * MESSAGES / 2);
                first.kill();
                writers.awaitStopped();
            }
            assertThat(writers.refusals()).as("answers other than 202 before the crash").isEmpty();
            assertThat(writers.acknowledgedCount()).isLessThan(CONTACTS * MESSAGES);

            try (ParleyProcess second = ParleyProcess.start(config, db.dataDir(), env, log)) {
                List<WebContact> again = contacts.stream().map(c -> c.on(second.baseUrl())).toList();
                for (int k = 0; k < CONTACTS; k++) {
                    retryWrites(again.get(k), writers, k);
                }
                for (int k = 0; k < CONTACTS; k++) {
                    assertTranscriptHoldsEveryWriteOnce(again.get(k), writers, k);
                    assertBotGotEveryMessageOnceInOrder(bot, again.get(k), writers, k);
                }
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- Parley output ---\n" + Files.readString(log), e);
            }
        }
    }

    /** Writes again, same client_id: the unanswered ones, and the first and last answered one. */
    static void retryWrites(WebContact contact, ConcurrentWriters writers, int k) {
        List<ConcurrentWriters.Write> answered = writers.writesOf(k).stream()
                .filter(w -> writers.answerOf(w).isPresent()).toList();
        for (ConcurrentWriters.Write write : writers.writesOf(k)) {
            boolean repeat = !answered.isEmpty()
                    && (write.equals(answered.getFirst()) || write.equals(answered.getLast()));
            if (writers.answerOf(write).isEmpty() || repeat) {
                HttpAnswer answer = contact.write(write.body(), Optional.of(write.clientId()));
                assertThat(answer.status()).as("%s: %s", write.clientId(), answer).isEqualTo(202);
                writers.answerOf(write).ifPresent(first -> assertThat(answer.json()).as("repeat of %s",
                        write.clientId()).isEqualTo(first));
            }
        }
    }

    static void assertTranscriptHoldsEveryWriteOnce(WebContact contact, ConcurrentWriters writers, int k) {
        List<JsonNode> items = contact.transcript();
        assertThat(items.stream().map(i -> i.path("seq").asLong()).toList())
                .isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        List<JsonNode> written = items.stream().filter(Items.fromContact("message")).toList();
        assertThat(written.stream().map(Items::bodyOf).toList()).as("contact %s transcript", k)
                .containsExactlyElementsOf(writers.writesOf(k).stream().map(ConcurrentWriters.Write::body).toList());
        for (int i = 0; i < written.size(); i++) {
            JsonNode item = written.get(i);
            writers.answerOf(writers.writesOf(k).get(i)).ifPresent(ack -> {
                assertThat(item.path("id").asText()).isEqualTo(ack.path("message_id").asText());
                assertThat(item.path("seq").asLong()).isEqualTo(ack.path("seq").asLong());
            });
        }
    }

    static void assertBotGotEveryMessageOnceInOrder(WebhookRecorder bot, WebContact contact,
            ConcurrentWriters writers, int k) {
        List<String> bodies = writers.writesOf(k).stream().map(ConcurrentWriters.Write::body).toList();
        await("contact " + k + " messages at the bot").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<Call>> byEvent = bot.calls().stream()
                    .filter(c -> c.info().path("conversation").path("id").asText().equals(contact.conversationId()))
                    .collect(Collectors.groupingBy(Call::eventId, LinkedHashMap::new, Collectors.toList()));
            byEvent.forEach((id, calls) -> assertThat(calls).as("redeliveries of %s", id)
                    .allSatisfy(c -> assertThat(c.body().path("packet")).isEqualTo(calls.getFirst().body()
                            .path("packet"))));
            assertThat(byEvent.values().stream().map(List::getFirst).filter(c -> c.packetName().equals("message"))
                    .map(c -> c.payload().path("body").asText()).toList())
                    .as("message events of contact %s, by first delivery", k).containsExactlyElementsOf(bodies);
            assertThat(contact.transcript().stream().filter(Items.fromBot("message")).map(Items::bodyOf).toList())
                    .as("bot replies of contact %s", k)
                    .containsExactlyElementsOf(bodies.stream().map(b -> "echo: " + b).toList());
        });
        assertThat(bot.calls()).allSatisfy(c -> assertThat(c.attempt()).isPositive());
    }

    /** Answers each message with {@code echo: <body>}; a redelivered event gets the same answer again. */
    static WebhookRecorder echoBot() {
        Map<String, Reply> answers = new ConcurrentHashMap<>();
        return WebhookRecorder.start((headers, body) -> answers.computeIfAbsent(headers.get("parley-event-id"), id -> {
            JsonNode call = Json.parseStored(body);
            if (!call.path("packet").path("name").asText().equals("message")) {
                return Reply.empty();
            }
            var reply = Json.object();
            reply.putObject("info").put("cid", call.path("info").path("cid").asText());
            reply.putObject("packet").put("name", "message").putObject("payload")
                    .put("body", "echo: " + call.path("packet").path("payload").path("body").asText());
            return Reply.json(reply);
        }));
    }
}
