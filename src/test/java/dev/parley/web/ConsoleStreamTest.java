package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The console's operator stream: live list entries of visible conversations and resumable timelines. */
class ConsoleStreamTest {
    static final Map<String, String> PASSWORDS = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password");

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    static String workspace(String webhook) {
        return """
                groups: [{ id: support, name: Support }]
                operators:
                  - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                  - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
                bots:
                  - { id: triage, name: Triage, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(webhook);
    }

    /** Forwards to any human once the contact writes; nobody is online, so the conversation lands in the inbox. */
    static WebhookRecorder forwardingBot() {
        return WebhookRecorder.start((h, body) -> {
            JsonNode call = Json.MAPPER.readTree(body);
            if (!call.path("packet").path("name").asText().equals("message")) {
                return WebhookRecorder.Reply.empty();
            }
            return WebhookRecorder.Reply.json(Json.MAPPER.readTree("""
                    [{"info": {"cid": "%1$s"}, "packet": {"name": "message", "payload": {"body": "Passing you on"}}},
                     {"info": {"cid": "%1$s"}, "packet": {"name": "forward_any", "payload": {}}}]"""
                    .formatted(call.path("info").path("cid").asText())));
        });
    }

    String login(TestParley parley, String email, String password) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    WebSocket stream(TestParley parley, String query, StreamTest.Collector collector) {
        return http.client().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + parley.port() + "/api/v1/stream?" + query), collector)
                .join();
    }

    static Predicate<JsonNode> state(String conversationId, String status) {
        return f -> f.path("type").asText().equals("conversation")
                && f.path("conversation").path("id").asText().equals(conversationId)
                && f.path("conversation").path("status").asText().equals(status);
    }

    static void awaitFrame(StreamTest.Collector c, Predicate<JsonNode> match) {
        await().atMost(Duration.ofSeconds(15)).until(() -> c.frames.stream().anyMatch(match));
    }

    static List<Long> itemSeqs(StreamTest.Collector c, String conversationId) {
        return c.frames.stream().filter(f -> f.path("type").asText().equals("item")
                && f.path("conversation_id").asText().equals(conversationId)).map(f -> f.path("seq").asLong()).toList();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void twoOperatorsSeeTheSameConversationMoveFromBotToInboxToTakenAndItsItemsInOrder(StoreKind kind) {
        try (WebhookRecorder bot = forwardingBot();
                TestParley parley = TestParley.start(kind, temp, workspace(bot.url()), PASSWORDS)) {
            String ada = login(parley, "ada@example.com", "ada-password");
            String bob = login(parley, "bob@example.com", "bob-password");
            StreamTest.Collector adaFrames = new StreamTest.Collector();
            StreamTest.Collector bobFrames = new StreamTest.Collector();
            stream(parley, "token=" + ada, adaFrames);
            WebSocket bobSocket = stream(parley, "token=" + bob, bobFrames);
            awaitFrame(adaFrames, f -> f.path("type").asText().equals("ready"));
            awaitFrame(bobFrames, f -> f.path("operator").path("id").asText().equals("bob"));

            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            String id = contact.conversationId();
            awaitFrame(adaFrames, state(id, "bot"));
            contact.say("I need a human");
            awaitFrame(adaFrames, state(id, "inbox"));
            awaitFrame(bobFrames, state(id, "inbox"));
            assertThat(bobFrames.frames).as("agents do not see a conversation while a bot has it")
                    .noneMatch(state(id, "bot"));

            bobSocket.sendText(Json.write(Json.object().put("type", "watch").put("conversation_id", id)), true).join();
            awaitFrame(bobFrames, f -> isItem(f, "message", "Passing you on"));
            long seen = itemSeqs(bobFrames, id).getLast();
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/take",
                    Map.of("Authorization", "Bearer " + bob), "").status()).isEqualTo(200);
            awaitFrame(adaFrames, state(id, "assigned").and(f -> f.path("conversation").path("assignee").path("id")
                    .asText().equals("bob")));
            awaitFrame(bobFrames, state(id, "assigned"));
            assertThat(http.post(parley.baseUrl() + "/api/v1/conversations/" + id + "/messages",
                    Map.of("Authorization", "Bearer " + bob), "{\"body\": \"Bob here\"}").status()).isEqualTo(201);
            contact.say("thanks Bob");
            awaitFrame(bobFrames, f -> isItem(f, "message", "thanks Bob"));
            List<Long> seqs = itemSeqs(bobFrames, id);
            assertThat(seqs).as("every item once, in order, internal ones included").isSorted().doesNotHaveDuplicates();
            assertThat(seqs.getLast() - seqs.getFirst() + 1).isEqualTo(seqs.size());
            assertThat(bobFrames.frames).anyMatch(f -> f.path("packet").path("name").asText().equals("assignment"));
            JsonNode last = bobFrames.frames.stream().filter(state(id, "assigned")).reduce((a, b) -> b).orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> bobFrames.frames.stream().filter(state(id, "assigned"))
                    .reduce((a, b) -> b).orElseThrow().path("conversation").path("last_seq").asLong() == seqs.getLast());
            assertThat(last.path("conversation").path("contact").path("id").asText()).isNotBlank();

            StreamTest.Collector resumed = new StreamTest.Collector();
            WebSocket again = stream(parley, "token=" + bob, resumed);
            again.sendText("{\"type\": \"watch\", \"conversation_id\": \"" + id + "\", \"after\": " + seen + "}", true)
                    .join();
            await().atMost(Duration.ofSeconds(10)).until(() -> itemSeqs(resumed, id).size() == seqs.getLast() - seen);
            assertThat(itemSeqs(resumed, id).getFirst()).isEqualTo(seen + 1);
            again.sendText("{\"type\": \"unwatch\", \"conversation_id\": \"" + id + "\"}", true).join();
            contact.say("after unwatch");
            awaitFrame(resumed, state(id, "assigned").and(f -> f.path("conversation").path("last_seq").asLong()
                    == seqs.getLast() + 1));
            assertThat(itemSeqs(resumed, id)).hasSize((int) (seqs.getLast() - seen));
        }
    }

    private static boolean isItem(JsonNode frame, String packet, String body) {
        return frame.path("type").asText().equals("item") && frame.path("packet").path("name").asText().equals(packet)
                && frame.path("packet").path("payload").path("body").asText().equals(body);
    }

    @Test
    void badTokensBadFramesAndHiddenConversationsAreRefused() {
        try (WebhookRecorder bot = forwardingBot();
                TestParley parley = TestParley.start(StoreKind.SQLITE, temp, workspace(bot.url()), PASSWORDS)) {
            StreamTest.Collector refused = new StreamTest.Collector();
            stream(parley, "token=nonsense", refused);
            assertThat(refused.closed.join()).isEqualTo(4401);
            assertThat(refused.frames.getFirst().path("code").asText()).isEqualTo("unauthorized");

            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            String bob = login(parley, "bob@example.com", "bob-password");
            StreamTest.Collector frames = new StreamTest.Collector();
            WebSocket ws = stream(parley, "token=" + bob, frames);
            ws.sendText("not json", true).join();
            ws.sendText("{\"type\": \"subscribe\", \"conversation_id\": \"x\"}", true).join();
            ws.sendText("{\"type\": \"watch\", \"conversation_id\": \"" + contact.conversationId()
                    + "\", \"after\": -1}", true).join();
            ws.sendText("{\"type\": \"watch\", \"conversation_id\": \"" + contact.conversationId() + "\"}", true)
                    .join();
            await().atMost(Duration.ofSeconds(5)).until(() -> frames.frames.stream()
                    .filter(f -> f.path("type").asText().equals("error")).count() == 4);
            assertThat(frames.frames.stream().filter(f -> f.path("type").asText().equals("error"))
                    .map(f -> f.path("code").asText()))
                    .containsExactly("invalid_json", "invalid_frame", "invalid_frame", "not_found");
            assertThat(frames.frames).as("the socket stays open and sent no item of the bot's conversation")
                    .noneMatch(f -> f.path("type").asText().equals("item"));
            assertThat(frames.closed).isNotDone();
        }
    }
}
