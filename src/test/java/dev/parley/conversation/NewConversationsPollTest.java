package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.HexHmac;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.Scrape;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WinbackWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A page stays open: the widget long-polls its visitor's conversations, and one the business starts reaches it
 * at once, not on the next page load.
 */
class NewConversationsPollTest {
    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    private TestParley start(StoreKind kind, BrazeStandIn braze) {
        return TestParley.start(kind, temp, WinbackWorkspace.yaml(braze.url()), WinbackWorkspace.env());
    }

    /** A logged-in visitor of widget {@code web}, as the widget holds them after identifying. */
    private record Visitor(String token, long cursor) {
        Map<String, String> auth() {
            return Map.of("Authorization", "Bearer " + token);
        }
    }

    private Visitor identify(TestParley parley, String externalId) {
        HttpAnswer answer = http.post(parley.baseUrl() + "/api/web/v1/widgets/web/identify", Map.of(),
                Json.write(Json.object().put("external_id", externalId)
                        .put("signature", HexHmac.of(WinbackWorkspace.IDENTITY_SECRET, externalId))));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("cursor").isIntegralNumber()).as("%s", answer).isTrue();
        return new Visitor(answer.json().path("contact_token").asText(), answer.json().path("cursor").asLong());
    }

    private HttpAnswer list(TestParley parley, String widget, String query, Map<String, String> auth) {
        return http.get(parley.baseUrl() + "/api/web/v1/widgets/" + widget + "/conversations" + query, auth);
    }

    private CompletableFuture<HttpAnswer> poll(TestParley parley, Visitor visitor, long after, int waitSeconds) {
        return CompletableFuture.supplyAsync(() -> list(parley, "web", "?after=" + after + "&wait=" + waitSeconds,
                visitor.auth()));
    }

    private static List<String> ids(HttpAnswer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return StreamSupport.stream(answer.json().path("conversations").spliterator(), false)
                .map(c -> c.path("conversation_id").asText()).toList();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWaitingPollAnswersAsSoonAsTheBusinessStartsAConversationWithThatVisitor(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY); TestParley parley = start(kind, braze)) {
            Visitor ada = identify(parley, "user-42");
            Visitor bob = identify(parley, "user-7");
            assertThat(ids(list(parley, "web", "", ada.auth()))).isEmpty();

            CompletableFuture<HttpAnswer> adaWaits = poll(parley, ada, ada.cursor(), 15);
            CompletableFuture<HttpAnswer> bobWaits = poll(parley, bob, bob.cursor(), 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(http, parley.baseUrl())
                    .value("parley_live_listeners") == 2);
            // a conversation of Ada's on another widget is not news for this one
            HttpAnswer elsewhere = http.post(parley.baseUrl() + "/api/web/v1/widgets/plain/conversations", Map.of(),
                    Json.write(Json.object().put("contact_token", ada.token()).set("contact", Json.object())));
            assertThat(elsewhere.status()).as("%s", elsewhere).isEqualTo(201);
            HttpAnswer unchanged = list(parley, "web", "?after=" + ada.cursor(), ada.auth());
            assertThat(ids(unchanged)).isEmpty();
            assertThat(unchanged.json().path("cursor").asLong()).isEqualTo(ada.cursor());
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !adaWaits.isDone());

            long started = System.nanoTime();
            String conversation = WinbackWorkspace.outreach(http, parley.baseUrl(), "winback-42", "user-42");
            HttpAnswer news = adaWaits.get(10, TimeUnit.SECONDS);
            // woken by the outreach, not by the end of its 15 s wait
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(ids(news)).containsExactly(conversation);
            JsonNode listed = news.json().path("conversations").get(0);
            assertThat(listed.path("proactive").asBoolean()).isTrue();
            assertThat(listed.path("status").asText()).isNotEqualTo("ended");
            assertThat(news.json().path("cursor").asLong()).isNotEqualTo(ada.cursor());

            // Ada's outreach is no news for Bob: his poll runs out, empty
            HttpAnswer nothing = bobWaits.get(10, TimeUnit.SECONDS);
            assertThat(ids(nothing)).isEmpty();
            assertThat(nothing.json().path("cursor").asLong()).isEqualTo(bob.cursor());

            // the page that asks with the cursor it had before hears of the conversation at once
            long again = System.nanoTime();
            assertThat(ids(poll(parley, ada, ada.cursor(), 15).get(10, TimeUnit.SECONDS))).containsExactly(conversation);
            assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(10));

            // Bob's own outreach reaches Bob's waiting poll
            Visitor bobNow = identify(parley, "user-7");
            CompletableFuture<HttpAnswer> bobWaitsAgain = poll(parley, bobNow, bobNow.cursor(), 15);
            String bobs = WinbackWorkspace.outreach(http, parley.baseUrl(), "winback-7", "user-7");
            assertThat(ids(bobWaitsAgain.get(10, TimeUnit.SECONDS))).containsExactly(bobs);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void withNothingNewThePollAnswersEmptyAfterWait(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY); TestParley parley = start(kind, braze)) {
            String conversation = WinbackWorkspace.outreach(http, parley.baseUrl(), "winback-42", "user-42");
            Visitor ada = identify(parley, "user-42");
            HttpAnswer loaded = list(parley, "web", "", ada.auth());
            assertThat(ids(loaded)).containsExactly(conversation);
            assertThat(loaded.json().path("cursor").asLong()).isEqualTo(ada.cursor());

            long started = System.nanoTime();
            HttpAnswer empty = list(parley, "web", "?after=" + ada.cursor() + "&wait=2", ada.auth());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(ids(empty)).isEmpty();
            assertThat(empty.json().path("cursor").asLong()).isEqualTo(ada.cursor());
            assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));

            HttpAnswer noWait = list(parley, "web", "?after=" + ada.cursor(), ada.auth());
            assertThat(ids(noWait)).isEmpty();
            assertThat(ids(list(parley, "web", "?after=" + (ada.cursor() - 1), ada.auth())))
                    .containsExactly(conversation);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badParametersAndTokensAreRefused(StoreKind kind) throws Exception {
        try (BrazeStandIn braze = BrazeStandIn.start(WinbackWorkspace.BRAZE_KEY); TestParley parley = start(kind, braze)) {
            Visitor ada = identify(parley, "user-42");
            for (List<String> bad : List.of(
                    List.of("?after=0&wait=61", "wait", "wait must be between 0 and 60"),
                    List.of("?after=0&wait=soon", "wait", "wait must be a whole number, got 'soon'"),
                    List.of("?after=0&wait=-1", "wait", "wait must be between 0 and 60"),
                    List.of("?after=abc&wait=5", "after", "after must be a whole number, got 'abc'"),
                    List.of("?after=-1&wait=5", "after", "after must be between 0"),
                    List.of("?wait=5", "after", "after is required with wait"))) {
                expect(list(parley, "web", bad.get(0), ada.auth()), 400, "invalid_parameter", bad.get(1), bad.get(2));
            }
            expect(list(parley, "nope", "?after=0&wait=5", ada.auth()), 404, "not_found", "", "no widget with id 'nope'");

            expect(list(parley, "web", "?after=0&wait=5", Map.of()), 401, "unauthorized", "",
                    "send the contact token");
            expect(list(parley, "web", "?after=0&wait=5", Map.of("Authorization", "Bearer " + "f".repeat(64))), 401,
                    "unauthorized", "", "the contact token is not valid");
            expect(list(parley, "web", "?after=0&wait=5", Map.of("Authorization", ada.token())), 401,
                    "unauthorized", "", "Bearer");
        }
    }

    private static void expect(HttpAnswer answer, int status, String code, String path, String message) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        JsonNode error = answer.json().path("error");
        assertThat(error.path("code").asText()).as("%s", answer).isEqualTo(code);
        assertThat(error.path("path").asText()).as("%s", answer).isEqualTo(path);
        assertThat(error.path("message").asText()).as("%s", answer).contains(message);
    }
}
