package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.channel.standin.WhatsAppStandIn;
import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebhookRecorder;
import dev.parley.testing.WebhookRecorder.Reply;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} while WhatsApp webhooks arrive: every message Parley answered {@code 200} is stored once, and
 * Meta's redelivery of what was not answered (and of some that were) after the restart leaves each contact's
 * conversation with every message once, in order, each reaching the bot once.
 */
class ChannelCrashTest {
    private static final int CONTACTS = 5;
    private static final int MESSAGES = 30;
    private static final String TOKEN = "crash-wa-token";
    private static final String SECRET = "crash-wa-secret";

    private final JsonHttp http = new JsonHttp();

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyMessageAnswered200SurvivesKillNineAndIsStoredOnce(StoreKind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase db = kind.create(dir); WhatsAppStandIn whatsApp = WhatsAppStandIn.start(
                MetaWebhooks.PHONE_NUMBER_ID, TOKEN); WebhookRecorder bot = silentBot()) {
            Path config = Files.writeString(dir.resolve("parley.yml"), """
                    groups: [{ id: support, name: Support }]
                    bots:
                      - { id: b, name: Bee, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                    widgets:
                      - { id: web, name: Web, group: support, chatbot_assignment: true }
                    channels:
                      - { id: wa, type: whatsapp, widget: web, phone_number_id: "%s", api_base_url: "%s",
                          access_token_env: WA_TOKEN, app_secret_env: WA_SECRET, verify_token_env: WA_VERIFY }
                    """.formatted(bot.url(), MetaWebhooks.PHONE_NUMBER_ID, whatsApp.graph().baseUrl()));
            Map<String, String> env = new HashMap<>(Map.of("WA_TOKEN", TOKEN, "WA_SECRET", SECRET,
                    "WA_VERIFY", "crash-verify"));
            db.databaseUrl().ifPresent(url -> env.put("PARLEY_DATABASE_URL", url));
            Path log = dir.resolve("parley.log");

            Set<String> answered = ConcurrentHashMap.newKeySet();
            try (ParleyProcess first = ParleyProcess.start(config, db.dataDir(), env, log)) {
                List<Thread> writers = IntStream.range(0, CONTACTS).mapToObj(k -> Thread.ofVirtual()
                        .start(() -> writeUntilRefused(first.baseUrl(), k, answered))).toList();
                await("a third of the messages answered").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(5)).until(() -> answered.size() >= CONTACTS * MESSAGES / 3);
                first.kill();
                for (Thread writer : writers) {
                    writer.join(Duration.ofSeconds(30));
                }
            }
            assertThat(answered.size()).as("the crash came before the last message").isLessThan(CONTACTS * MESSAGES);

            try (ParleyProcess second = ParleyProcess.start(config, db.dataDir(), env, log)) {
                for (int k = 0; k < CONTACTS; k++) {
                    for (int i = 0; i < MESSAGES; i++) {
                        String wamid = wamid(k, i);
                        boolean vendorRetry = i == 0 || answered.contains(wamid) && !answered.contains(wamid(k, i + 1));
                        if (!answered.contains(wamid) || vendorRetry) {
                            HttpAnswer answer = post(second.baseUrl(), k, i);
                            assertThat(answer.status()).as("%s: %s", wamid, answer).isEqualTo(200);
                        }
                    }
                }
                for (int k = 0; k < CONTACTS; k++) {
                    int contact = k;
                    await("contact " + k + " messages at the bot").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                            assertThat(botBodies(bot, contact)).containsAll(bodies(contact)));
                }
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- Parley output ---\n" + Files.readString(log), e);
            }

            try (Database stored = Database.open(db.url())) {
                assertThat(count(stored, "channel_inbound")).isEqualTo(CONTACTS * MESSAGES);
                for (int k = 0; k < CONTACTS; k++) {
                    assertThat(contactBodies(stored, waId(k))).as("contact %s's conversation", k)
                            .containsExactlyElementsOf(bodies(k));
                    assertThat(botBodies(bot, k)).as("events of contact %s at the bot, each once", k)
                            .containsExactlyElementsOf(bodies(k));
                }
            }
        }
    }

    /** Contact {@code k} sends its messages one after the other until Parley stops answering. */
    private void writeUntilRefused(String baseUrl, int k, Set<String> answered) {
        for (int i = 0; i < MESSAGES; i++) {
            try {
                if (post(baseUrl, k, i).status() != 200) {
                    return;
                }
                answered.add(wamid(k, i));
            } catch (UncheckedIOException gone) {
                return;
            }
        }
    }

    private HttpAnswer post(String baseUrl, int k, int i) {
        MetaWebhooks.Signed signed = MetaWebhooks.sign(SECRET, MetaWebhooks.whatsAppMessage(waId(k), "Contact " + k,
                MetaWebhooks.whatsAppMessageOf(wamid(k, i), "text", Json.object().put("body", body(k, i)))));
        return http.post(baseUrl + "/channels/wa/webhook", Map.of("X-Hub-Signature-256", signed.signature(),
                "Content-Type", "application/json"), new String(signed.body(), StandardCharsets.UTF_8));
    }

    private static String waId(int k) {
        return "4915100000" + k;
    }

    private static String wamid(int k, int i) {
        return "wamid.crash." + k + "." + i;
    }

    private static String body(int k, int i) {
        return "contact " + k + " message " + i;
    }

    private static List<String> bodies(int k) {
        return IntStream.range(0, MESSAGES).mapToObj(i -> body(k, i)).toList();
    }

    /** The bodies of the contact's items (the first rides in {@code start}), in timeline order. */
    private static List<String> contactBodies(Database db, String waId) {
        return db.read(h -> h.createQuery("""
                SELECT t.payload FROM timeline t
                JOIN channel_conversations c ON c.conversation_id = t.conversation_id
                WHERE c.channel_id = 'wa' AND c.vendor_user_id = :user AND t.author_type = 'contact'
                ORDER BY t.seq""").bind("user", waId).mapTo(String.class).list()).stream()
                .map(Json::parseStored).map(p -> p.path("body").asText()).toList();
    }

    /** The bodies of {@code start} and {@code message} events the bot got for the contact, first deliveries only. */
    private static List<String> botBodies(WebhookRecorder bot, int k) {
        Map<String, String> byEvent = new LinkedHashMap<>();
        for (WebhookRecorder.Call call : bot.calls()) {
            String name = call.packetName();
            String body = call.payload().path("body").asText();
            if ((name.equals("start") || name.equals("message")) && body.startsWith("contact " + k + " ")) {
                byEvent.putIfAbsent(call.eventId(), body);
            }
        }
        return List.copyOf(byEvent.values());
    }

    private static int count(Database db, String table) {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    /** A bot that takes every event and answers nothing, so the test is about what comes in. */
    private static WebhookRecorder silentBot() {
        return WebhookRecorder.start((headers, body) -> Reply.empty());
    }
}
