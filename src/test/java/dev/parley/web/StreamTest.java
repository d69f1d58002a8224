package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamTest {
    static final String WORKSPACE = """
            groups: [{ id: support, name: Support }]
            widgets: [{ id: web, name: Web, group: support }]
            """;

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    /** Collects what a socket receives. */
    static final class Collector implements WebSocket.Listener {
        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Json.parseStored(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status);
            return null;
        }

        List<Long> seqs() {
            return frames.stream().filter(f -> "item".equals(f.path("type").asText()))
                    .map(f -> f.path("seq").asLong()).toList();
        }
    }

    WebSocket connect(TestParley parley, WebContact contact, String query, Collector collector) {
        String url = "ws://127.0.0.1:" + parley.port() + "/api/web/v1/conversations/" + contact.conversationId()
                + "/stream?" + query;
        return http.client().newWebSocketBuilder().buildAsync(URI.create(url), collector).join();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aReconnectingStreamGetsWhatItMissedOnceAndInOrder(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, Map.of())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            Collector first = new Collector();
            WebSocket ws = connect(parley, contact, "token=" + contact.token(), first);
            contact.say("one");
            contact.say("two");
            await().atMost(Duration.ofSeconds(5)).until(() -> first.seqs().size() == 2);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            long last = first.seqs().getLast();
            contact.say("three");
            contact.say("four");
            Collector second = new Collector();
            WebSocket again = connect(parley, contact, "token=" + contact.token() + "&after=" + last, second);
            await().atMost(Duration.ofSeconds(5)).until(() -> second.seqs().size() == 2);
            contact.say("five");
            await().atMost(Duration.ofSeconds(5)).until(() -> second.seqs().size() == 3);
            assertThat(second.seqs()).containsExactly(last + 1, last + 2, last + 3);
            assertThat(second.frames).extracting(f -> f.path("packet").path("payload").path("body").asText())
                    .containsExactly("three", "four", "five");
            again.sendText("{\"after\": " + last + "}", true).join();
            await().atMost(Duration.ofSeconds(5)).until(() -> second.seqs().size() == 6);
            assertThat(second.seqs().subList(3, 6)).containsExactly(last + 1, last + 2, last + 3);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aStreamWithABadTokenIsClosedWithAReason(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, WORKSPACE, Map.of())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            WebContact other = WebContact.open(http, parley.baseUrl(), "web");
            Collector bad = new Collector();
            connect(parley, contact, "token=wrong", bad);
            assertThat(bad.closed.join()).isEqualTo(4401);
            assertThat(bad.frames.getFirst().path("code").asText()).isEqualTo("unauthorized");
            Collector foreign = new Collector();
            connect(parley, contact, "token=" + other.token(), foreign);
            assertThat(foreign.closed.join()).isEqualTo(4404);
        }
    }
}
