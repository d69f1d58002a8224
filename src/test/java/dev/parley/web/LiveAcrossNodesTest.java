package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.app.Parley;
import dev.parley.cluster.RedisSettings;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.store.Ids;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.Scrape;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one PostgreSQL database and one Redis: what one commits reaches the other's sockets and polls. */
class LiveAcrossNodesTest {
    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();
    TestDatabase database;
    Parley nodeA;
    Parley nodeB;

    @BeforeEach
    void startTwoNodes() {
        database = StoreKind.POSTGRESQL.create(temp);
        ParleyConfig config = ConfigLoader.parse(StreamTest.WORKSPACE, "parley.yml", Map.of());
        RedisSettings redis = new RedisSettings("redis://127.0.0.1:6379", "parley-test-" + UUID.randomUUID() + ":");
        nodeA = Parley.start(database.settings().withRedis(redis), config, Clock.systemUTC(), Ids.random());
        nodeB = Parley.start(database.settings().withRedis(redis), config, Clock.systemUTC(), Ids.random());
    }

    @AfterEach
    void stop() {
        Optional.ofNullable(nodeB).ifPresent(Parley::close);
        Optional.ofNullable(nodeA).ifPresent(Parley::close);
        database.close();
    }

    String base(Parley node) {
        return "http://127.0.0.1:" + node.port();
    }

    WebSocket connect(Parley node, WebContact contact, String query, StreamTest.Collector collector) {
        String url = "ws://127.0.0.1:" + node.port() + "/api/web/v1/conversations/" + contact.conversationId()
                + "/stream?token=" + contact.token() + query;
        return http.client().newWebSocketBuilder().buildAsync(URI.create(url), collector).join();
    }

    @Test
    void aSocketOnOneNodeHearsWritesOnTheOtherAndResumesOnItWithoutLossOrRepeat() {
        WebContact onA = WebContact.open(http, base(nodeA), "web");
        StreamTest.Collector first = new StreamTest.Collector();
        WebSocket ws = connect(nodeB, onA, "", first);
        onA.say("one");
        onA.say("two");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.seqs().size() == 2);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "moving").join();
        long last = first.seqs().getLast();
        onA.say("three");

        StreamTest.Collector moved = new StreamTest.Collector();
        connect(nodeA, onA, "&after=" + last, moved);
        await().atMost(Duration.ofSeconds(10)).until(() -> moved.seqs().size() == 1);
        onA.at(base(nodeB)).say("four");
        onA.say("five");
        await().atMost(Duration.ofSeconds(10)).until(() -> moved.seqs().size() == 3);
        assertThat(moved.seqs()).containsExactly(last + 1, last + 2, last + 3);
        assertThat(moved.frames).filteredOn(f -> "item".equals(f.path("type").asText()))
                .extracting(f -> f.path("packet").path("payload").path("body").asText())
                .containsExactly("three", "four", "five");
    }

    @Test
    void aLongPollOnOneNodeEndsWithAWriteOnTheOther() {
        WebContact onA = WebContact.open(http, base(nodeA), "web");
        long last = onA.say("before").path("seq").asLong();
        long started = System.nanoTime();
        CompletableFuture<HttpAnswer> poll = CompletableFuture.supplyAsync(
                () -> http.get(onA.at(base(nodeB)).url("/messages?after=" + last + "&wait=25"), onA.auth()));
        await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(http, base(nodeB))
                .value("parley_live_listeners") == 1);
        onA.say("after");
        HttpAnswer answer = poll.join();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(answer.json().path("items")).extracting(i -> i.path("packet").path("payload").path("body").asText())
                .containsExactly("after");
    }
}
