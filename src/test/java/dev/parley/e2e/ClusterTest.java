package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.ParleyProcess;
import dev.parley.testing.RedisServer;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Parley processes on one PostgreSQL database and one Redis (of this test alone, as it is restarted), as a load balancer would spread a
 * business's traffic over them: one conversation seen live from every node, the Chatbot API limit held
 * across them, and {@code kill -9} of one node while 51 contacts write through all three.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    private static final String TOKEN_ENV = "CLUSTER_BOT_API_TOKEN";
    private static final String ADA_PW_ENV = "CLUSTER_ADA_PW";
    private static final String ADA_PW = "ada-password";
    private static final String NIGHT_WIDGET = "night";

    final JsonHttp http = new JsonHttp();
    /** The echo bot's API token: the one from the environment until an admin generates a new one. */
    volatile String token = "cluster-api-token";
    Path dir;
    TestDatabase db;
    RedisServer redis;
    WebhookRecorder bot;
    List<ParleyProcess> nodes;

    @BeforeAll
    void startThreeNodes(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        db = StoreKind.POSTGRESQL.create(dir);
        redis = RedisServer.start();
        bot = CrashDurabilityTest.echoBot();
        Path config = Files.writeString(dir.resolve("parley.yml"), workspace(bot.url()));
        Map<String, String> env = Map.of(TOKEN_ENV, token, ADA_PW_ENV, ADA_PW, "PARLEY_DATABASE_URL",
                db.databaseUrl().orElseThrow(), "PARLEY_REDIS_URL", redis.url());
        List<CompletableFuture<ParleyProcess>> starting = IntStream.range(0, 3).mapToObj(i -> CompletableFuture
                .supplyAsync(() -> ParleyProcess.start(config, dir.resolve("node-" + i), env,
                        dir.resolve("node-" + i + ".log")))).toList();
        try {
            nodes = starting.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            starting.forEach(f -> f.handle((started, failed) -> Optional.ofNullable(started))
                    .join().ifPresent(ParleyProcess::close));
            throw e;
        }
    }

    /**
     * The echo bot takes every conversation of the website widget; a second bot, in a group of its own,
     * takes those of the night widget and ends them after two seconds without a message; Ada is an admin.
     */
    private static String workspace(String webhook) {
        return """
                groups:
                  - { id: support, name: Support }
                  - { id: night, name: Night shift }
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: %s }
                bots:
                  - id: echobot
                    name: Test Bot
                    group: support
                    type: api
                    behavior: firewall
                    slots: 100
                    webhook_url: %s
                    webhook_headers: { API-SECURITY-TOKEN: "webhook-secret" }
                    api_token_env: %s
                    webhook_retry: { attempts: 10, first_delay: 200ms }
                  - { id: sleepy, name: Sleepy Bot, group: night, type: api, behavior: firewall, webhook_url: %s,
                      timeout: { after: 2s, action: end } }
                widgets:
                  - { id: %s, name: Website, group: support }
                  - { id: %s, name: Night, group: night }
                """.formatted(ADA_PW_ENV, webhook, TOKEN_ENV, webhook, BotWorkspace.WIDGET, NIGHT_WIDGET);
    }

    @AfterAll
    void stop() {
        Optional.ofNullable(nodes).ifPresent(n -> n.forEach(ParleyProcess::close));
        Optional.ofNullable(bot).ifPresent(WebhookRecorder::close);
        Optional.ofNullable(db).ifPresent(TestDatabase::close);
        Optional.ofNullable(redis).ifPresent(RedisServer::close);
    }

    String base(int node) {
        return nodes.get(node).baseUrl();
    }

    @Test
    @Order(1)
    void aContactOnOneNodeTheBotOnAnotherAndASocketOnTheThirdSeeOneOrderedConversation() throws Exception {
        WebContact onA = WebContact.open(http, base(0), BotWorkspace.WIDGET);
        Frames onC = new Frames();
        WebSocket socket = connect(2, onA, 0, onC);
        onA.say("hello");
        String cid = awaitCid(onA);
        assertThat(botSays(1, cid, "from the API on B").status()).isEqualTo(200);
        onA.awaitBotMessage("from the API on B");
        List<String> expected = List.of("hello", "echo: hello", "from the API on B");
        await("the socket on C").atMost(Duration.ofSeconds(20)).until(() -> onC.bodies().containsAll(expected));
        assertThat(onC.bodies()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(onC.seqs()).isSorted().doesNotHaveDuplicates();

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "moving").join();
        long last = onC.seqs().getLast();
        onA.at(base(1)).say("while away");
        Frames movedToA = new Frames();
        connect(0, onA, last, movedToA);
        await("resume on A").atMost(Duration.ofSeconds(20)).until(() -> movedToA.bodies().contains("echo: while away"));
        onA.at(base(2)).say("after the move");
        await("push on A").atMost(Duration.ofSeconds(20))
                .until(() -> movedToA.bodies().contains("echo: after the move"));
        assertThat(movedToA.bodies()).containsExactly("while away", "echo: while away", "after the move",
                "echo: after the move");
        assertThat(movedToA.seqs()).isSorted().doesNotHaveDuplicates().allMatch(seq -> seq > last);

        redis.stop();
        redis.startAgain();
        onA.at(base(1)).say("after Redis came back");
        await("push on A after Redis restarted").atMost(Duration.ofSeconds(30))
                .until(() -> movedToA.bodies().contains("echo: after Redis came back"));
        assertThat(movedToA.bodies()).endsWith("after Redis came back", "echo: after Redis came back");
    }

    @Test
    @Order(2)
    void anOperatorWatchingAndAnsweringOnCSeesTheSameOrderedConversationAsTheContactOnA() {
        Map<String, String> ada = OperatorLogin.as(http, base(2), "ada@example.com", ADA_PW);
        Frames console = new Frames();
        http.client().newWebSocketBuilder().buildAsync(URI.create(ws(2) + "/api/v1/stream?token="
                + ada.get("Authorization").substring("Bearer ".length())), console).join();
        await("the console stream is ready").atMost(Duration.ofSeconds(10)).until(() -> console.saw("ready"));
        WebContact onA = WebContact.open(http, base(0), BotWorkspace.WIDGET);
        Frames contactOnA = new Frames();
        connect(0, onA, 0, contactOnA);
        onA.say("is anyone there?");
        String cid = awaitCid(onA);
        onA.awaitBotMessage("echo: is anyone there?");
        console.send(Json.object().put("type", "watch").put("conversation_id", onA.conversationId()));
        assertThat(botSays(1, cid, "the bot on B, before a human takes over").status()).isEqualTo(200);
        onA.awaitBotMessage("the bot on B, before a human takes over");

        String conversation = base(2) + "/api/v1/conversations/" + onA.conversationId();
        assertThat(http.post(conversation + "/take", ada, "").status()).isEqualTo(200);
        HttpAnswer reply = http.post(conversation + "/messages", ada, "{\"body\": \"Ada here, from C\"}");
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        onA.say("thank you, Ada");

        List<String> expected = List.of("is anyone there?", "echo: is anyone there?",
                "the bot on B, before a human takes over", "Ada here, from C", "thank you, Ada");
        await("the console on C and the contact's socket on A see everything").atMost(Duration.ofSeconds(20))
                .until(() -> console.bodies().size() >= expected.size() && contactOnA.bodies().size() >= expected.size());
        assertThat(console.bodies()).as("the operator on C").containsExactlyElementsOf(expected);
        assertThat(contactOnA.bodies()).as("the contact on A").containsExactlyElementsOf(expected);
        assertThat(console.seqs()).isSorted().doesNotHaveDuplicates().isEqualTo(contactOnA.seqs());
        assertThat(bot.calls().stream().filter(c -> c.cid().equals(cid)).filter(c -> c.packetName().equals("message"))
                .map(c -> c.payload().path("body").asText())).as("the bot was called once, before the take-over")
                .containsExactly("is anyone there?");
    }

    @Test
    @Order(3)
    void aNewBotTokenGeneratedOnAReplacesTheOldOneOnBAtOnce() {
        WebContact contact = WebContact.open(http, base(0), BotWorkspace.WIDGET);
        String cid = awaitCid(contact);
        String old = token;
        assertThat(botSays(1, cid, "with the token from the environment").status()).as("B knows the bot now")
                .isEqualTo(200);
        Map<String, String> ada = OperatorLogin.as(http, base(0), "ada@example.com", ADA_PW);

        HttpAnswer generated = http.post(base(0) + "/api/v1/bots/echobot/token", ada, "");
        assertThat(generated.status()).as("%s", generated).isEqualTo(201);
        token = generated.json().path("api_token").asText();

        // B cached the bot, old token hash included, for a second unless A's change reaches it through Redis;
        // an empty request is refused 401 by a node that knows the new token, 400 by one that does not yet
        await("B refuses the old token").atMost(Duration.ofMillis(800)).pollInterval(Duration.ofMillis(20))
                .until(() -> emptyRequest(1, old).status() == 401);
        assertThat(botSays(1, cid, "with the new token").status()).isEqualTo(200);
        contact.awaitBotMessage("with the new token");
        for (int node = 0; node < 3; node++) {
            assertThat(emptyRequest(node, old).status()).as("the old token on node %s", node).isEqualTo(401);
        }
    }

    private HttpAnswer emptyRequest(int node, String withToken) {
        return http.post(base(node) + "/api/chatbot/v1/bots/echobot/events", Map.of("SECURITY-TOKEN", withToken), "{}");
    }

    @Test
    @Order(4)
    void theTwentyFirstChatbotRequestForACidIsRefusedOnAnyNode() {
        WebContact contact = WebContact.open(http, base(1), BotWorkspace.WIDGET);
        String cid = awaitCid(contact);
        for (int i = 1; i <= 20; i++) {
            HttpAnswer answer = botSays(i % 3, cid, "reply " + i);
            assertThat(answer.status()).as("request %s: %s", i, answer).isEqualTo(200);
        }
        for (int node = 0; node < 3; node++) {
            assertThat(botSays(node, cid, "one too many").status()).as("node %s", node).isEqualTo(429);
        }
    }

    @Test
    @Order(5)
    void aBotTimeoutSweptByThreeNodesEndsTheConversationOnce() {
        WebContact contact = WebContact.open(http, base(0), NIGHT_WIDGET);
        contact.say("anyone awake?");
        contact.awaitBotMessage("echo: anyone awake?");
        contact.awaitItem("the timeout", Items.packet("conversation_ended"));
        // every node sweeps four times a second: a second fire would come within a few sweeps
        await("the conversation ends once").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> contact.transcript().stream().filter(Items.packet("conversation_ended")).count() == 1);
        JsonNode ended = contact.transcript().stream().filter(Items.packet("conversation_ended")).findFirst()
                .orElseThrow();
        assertThat(ended.path("packet").path("payload").path("reason").asText()).isEqualTo("timeout");
        assertThat(contact.at(base(2)).write("too late").status()).isEqualTo(409);
    }

    @Test
    @Order(6)
    void afterKillNineOfOneNodeEveryAcknowledgedMessageIsAnsweredOnceInOrder() throws Exception {
        int contactsPerNode = 17;
        int perContact = 6;
        List<WebContact> contacts = new ArrayList<>();
        for (int k = 0; k < 3 * contactsPerNode; k++) {
            contacts.add(WebContact.open(http, base(k % 3), BotWorkspace.WIDGET));
        }
        ConcurrentWriters writers = new ConcurrentWriters(contacts, perContact);
        writers.start();
        await("a third of the writes acknowledged").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> writers.acknowledgedCount() >= contacts.size() * perContact / 3);
        nodes.get(2).kill();
        writers.awaitStopped();
        assertThat(writers.refusals()).as("answers other than 202").isEmpty();

        for (int k = 0; k < contacts.size(); k++) {
            WebContact survivorSide = contacts.get(k).at(base(k % 2));
            CrashDurabilityTest.retryWrites(survivorSide, writers, k);
        }
        for (int k = 0; k < contacts.size(); k++) {
            WebContact survivorSide = contacts.get(k).at(base(k % 2));
            CrashDurabilityTest.assertBotGotEveryMessageOnceInOrder(bot, survivorSide, writers, k);
            CrashDurabilityTest.assertTranscriptHoldsEveryWriteOnce(survivorSide, writers, k);
        }
    }

    private String awaitCid(WebContact contact) {
        return await("the bot's first call").atMost(Duration.ofSeconds(20)).until(() -> bot.calls().stream()
                .filter(c -> c.info().path("conversation").path("id").asText().equals(contact.conversationId()))
                .map(WebhookRecorder.Call::cid).findFirst(), Optional::isPresent).orElseThrow();
    }

    private HttpAnswer botSays(int node, String cid, String body) {
        var event = Json.object();
        event.putObject("info").put("cid", cid);
        event.putObject("packet").put("name", "message").set("payload", Json.object().put("body", body));
        return http.post(base(node) + "/api/chatbot/v1/bots/echobot/events", Map.of("SECURITY-TOKEN", token),
                Json.write(event));
    }

    private String ws(int node) {
        return "ws://" + base(node).substring("http://".length());
    }

    private WebSocket connect(int node, WebContact contact, long after, Frames frames) {
        String url = ws(node) + "/api/web/v1/conversations/"
                + contact.conversationId() + "/stream?token=" + contact.token() + "&after=" + after;
        return http.client().newWebSocketBuilder().buildAsync(URI.create(url), frames).join();
    }

    /** The message items a socket received, in arrival order. */
    static final class Frames implements WebSocket.Listener {
        private final List<JsonNode> items = new CopyOnWriteArrayList<>();
        private final Set<String> types = ConcurrentHashMap.newKeySet();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;

        @Override
        public void onOpen(WebSocket ws) {
            socket = ws;
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = Json.parseStored(partial.toString());
                partial.setLength(0);
                types.add(frame.path("type").asText());
                if ("item".equals(frame.path("type").asText()) && Items.packet("message").test(frame)) {
                    items.add(frame);
                }
            }
            ws.request(1);
            return null;
        }

        boolean saw(String type) {
            return types.contains(type);
        }

        void send(JsonNode frame) {
            socket.sendText(Json.write(frame), true).join();
        }

        List<String> bodies() {
            return items.stream().map(Items::bodyOf).toList();
        }

        List<Long> seqs() {
            return items.stream().map(i -> i.path("seq").asLong()).toList();
        }
    }
}
