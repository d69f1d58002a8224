package dev.parley.flow.action;

import static dev.parley.flow.action.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.flow.action.LoopbackServer.Answer;
import dev.parley.json.Json;
import dev.parley.media.MediaSettings;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpActionTest {
    private static final String ORDER = """
            {"order": {"status": "shipped", "eta": "2024-05-02", "items": [{"sku": "A-1"}, {"sku": "B-2"}]}}""";

    private final ActionNodes actions = ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.empty()));
    private LoopbackServer server = new LoopbackServer(request -> Answer.json(ORDER));
    /** Holds a hanging server's answer until the test is over. */
    private final CountDownLatch hang = new CountDownLatch(1);

    @AfterEach
    void stop() {
        hang.countDown();
        server.close();
    }

    private ActionOutcome run(Map<String, Object> params) {
        return actions.run("http", request(params));
    }

    @Test
    void getSendsQueryAndHeadersAndReturnsStatusBodyAndHeaders() {
        ActionOutcome outcome = run(Map.of("url", server.url("/orders/123456?expand=items"),
                "query", Map.of("lang", "de ch"), "headers", Map.of("Authorization", "Bearer s3cret")));

        assertThat(outcome.outcome()).isEqualTo("success");
        assertThat(outcome.cause()).isEmpty();
        assertThat(outcome.data()).containsEntry("status", 200)
                .containsEntry("body", Json.MAPPER.convertValue(Json.parseStored(ORDER), Map.class));
        assertThat(outcome.data().get("headers")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("x-request-id", "req-7")
                .containsEntry("content-type", "application/json");
        LoopbackServer.Received got = server.last();
        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.path()).isEqualTo("/orders/123456");
        assertThat(got.query()).isEqualTo("expand=items&lang=de%20ch");
        assertThat(got.headers()).containsEntry("authorization", "Bearer s3cret")
                .containsEntry("accept", "application/json");
        assertThat(got.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "post"})
    void everyMethodSendsTheBodyAsJson(String method) throws Exception {
        ActionOutcome outcome = run(Map.of("method", method, "url", server.url("/orders"),
                "body", Map.of("order_id", "123456", "items", List.of(1, 2), "gift", true)));

        assertThat(outcome.outcome()).isEqualTo("success");
        LoopbackServer.Received got = server.last();
        assertThat(got.method()).isEqualTo(method.toUpperCase());
        assertThat(got.headers()).containsEntry("content-type", "application/json");
        assertThat(Json.MAPPER.readTree(got.body())).isEqualTo(Json.MAPPER.readTree(
                "{\"order_id\": \"123456\", \"items\": [1, 2], \"gift\": true}"));
    }

    @Test
    void aTextBodyWithANonJsonContentTypeIsSentAsItIs() {
        run(Map.of("method", "POST", "url", server.url("/form"), "body", "a=1&b=two",
                "headers", Map.of("Content-Type", "application/x-www-form-urlencoded")));

        assertThat(server.last().body()).isEqualTo("a=1&b=two");
        assertThat(server.last().headers()).containsEntry("content-type", "application/x-www-form-urlencoded");
    }

    @Test
    void theResponseMappingPicksDottedPathsOutOfTheJson() {
        ActionOutcome outcome = run(Map.of("url", server.url("/orders/1"),
                "response", Map.of("status", "order.status", "eta", "order.eta", "second_sku", "order.items.1.sku")));

        assertThat(outcome.outcome()).isEqualTo("success");
        assertThat(outcome.data()).isEqualTo(Map.of("status", "shipped", "eta", "2024-05-02", "second_sku", "B-2"));
    }

    @Test
    void aMissingPathIsAnErrorNamingIt() {
        ActionOutcome outcome = run(Map.of("url", server.url("/orders/1"),
                "response", Map.of("status", "order.status", "carrier", "order.carrier.name")));

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause().orElseThrow()).contains("with.response.carrier: the answer has no 'order.carrier.name'"
                + " ('order' has no key 'carrier')");
        assertThat(outcome.data()).containsEntry("error", outcome.cause().orElseThrow());
    }

    @Test
    void anIndexPastTheEndOfAListIsAMissingPath() {
        ActionOutcome outcome = run(Map.of("url", server.url("/orders/1"),
                "response", Map.of("sku", "order.items.5.sku")));

        assertThat(outcome.cause().orElseThrow()).contains("the answer has no 'order.items.5.sku' ('order.items' has 2 items)");
    }

    @Test
    void aNonJsonAnswerIsTextWithoutMappingAndAnErrorWithOne() {
        server.close();
        server = new LoopbackServer(request -> new Answer(200, "text/html", "<h1>Maintenance</h1>"));

        ActionOutcome plain = run(Map.of("url", server.url("/orders/1")));
        assertThat(plain.outcome()).isEqualTo("success");
        assertThat(plain.data()).containsEntry("body", "<h1>Maintenance</h1>");

        ActionOutcome mapped = run(Map.of("url", server.url("/orders/1"), "response", Map.of("s", "order.status")));
        assertThat(mapped.outcome()).isEqualTo("error");
        assertThat(mapped.cause().orElseThrow()).startsWith("the answer of 127.0.0.1:" + server.port()
                + " is not JSON (Content-Type text/html), so with.response cannot pick fields from it");
    }

    @Test
    void statusesMapToOutcomesExactBeforeClassWithDefaults() {
        server.close();
        server = new LoopbackServer(request -> new Answer(Integer.parseInt(request.path().substring(1)),
                "application/json", "{\"message\": \"status " + request.path() + "\"}"));
        Map<String, Object> outcomes = Map.of("404", "not_found", "4xx", "invalid");

        assertThat(run(Map.of("url", server.url("/404"), "outcomes", outcomes)).outcome()).isEqualTo("not_found");
        assertThat(run(Map.of("url", server.url("/422"), "outcomes", outcomes)).outcome()).isEqualTo("invalid");
        assertThat(run(Map.of("url", server.url("/201"), "outcomes", outcomes)).outcome()).isEqualTo("success");
        ActionOutcome unavailable = run(Map.of("url", server.url("/503"), "outcomes", outcomes));
        assertThat(unavailable.outcome()).isEqualTo("error");
        assertThat(unavailable.cause().orElseThrow()).contains("127.0.0.1:" + server.port() + " answered HTTP 503");
        assertThat(unavailable.data()).containsEntry("status", 503)
                .containsEntry("body", Map.of("message", "status /503"));
        assertThat(run(Map.of("url", server.url("/404"))).outcome()).as("default for a non-2xx").isEqualTo("error");
        assertThat(run(Map.of("url", server.url("/500"), "outcomes", Map.of("5xx", "down"))).outcome())
                .isEqualTo("down");
    }

    @Test
    void aHangingServerTimesOutAfterTheTimeoutParameter() {
        server.close();
        server = new LoopbackServer(request -> {
            hang.await(30, TimeUnit.SECONDS);
            return Answer.json("{}");
        });
        long started = System.nanoTime();

        ActionOutcome outcome = run(Map.of("url", server.url("/slow"), "timeout", "300ms"));

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause().orElseThrow()).contains("no answer from 127.0.0.1:" + server.port() + " within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theDeadlineCapsTheCallWithoutATimeoutParameter() {
        server.close();
        server = new LoopbackServer(request -> {
            hang.await(30, TimeUnit.SECONDS);
            return Answer.json("{}");
        });
        long started = System.nanoTime();

        ActionOutcome outcome = actions.run("http", request(Map.of("url", server.url("/slow"), "timeout", "30s"),
                Duration.ofMillis(400), new Requests.Timeline()));

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause().orElseThrow()).containsAnyOf("within", "timed out after");
        // the server answers after 30 s at the earliest and the timeout parameter is 30 s: only the deadline ends it
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        ActionOutcome outcome = run(Map.of("url", "http://127.0.0.1:" + port + "/orders"));

        assertThat(outcome.cause().orElseThrow()).contains("connection refused by 127.0.0.1:" + port);
    }

    @Test
    void headerValuesAndQueriesNeverReachTheTimeline() {
        Requests.Timeline timeline = new Requests.Timeline();
        actions.run("http", request(Map.of("url", server.url("/orders/1?api_key=k3y"),
                "headers", Map.of("X-Api-Key", "h3ader")), Duration.ofSeconds(5), timeline));

        assertThat(timeline.lines).containsExactly("info: GET " + server.url("/orders/1") + " → 200 (success)");
    }

    @Test
    void badParametersAreErrorsNamingTheParameterAndTheRule() {
        assertThat(run(Map.of("url", "ftp://example.com/x")).cause().orElseThrow())
                .contains("action 'http': url must be an http or https URL, not ftp:");
        assertThat(run(Map.of("url", "/orders")).cause().orElseThrow())
                .contains("action 'http': url must be an http or https URL, as in https://api.example.com/orders");
        assertThat(run(Map.of()).cause().orElseThrow()).contains("action 'http' needs parameter 'url'");
        assertThat(run(Map.of("url", server.url("/"), "method", "FETCH")).cause().orElseThrow())
                .contains("action 'http': method must be one of GET, POST, PUT, PATCH, DELETE, got 'FETCH'");
        assertThat(run(Map.of("url", server.url("/"), "header", Map.of())).cause().orElseThrow())
                .contains("action 'http' has no parameter 'header' (did you mean 'headers'?)");
        assertThat(run(Map.of("url", server.url("/"), "timeout", "soon")).cause().orElseThrow())
                .contains("action 'http': timeout must be a duration such as 5s or 500ms, got 'soon'");
        assertThat(run(Map.of("url", server.url("/"), "outcomes", Map.of("4x4", "bad"))).cause().orElseThrow())
                .contains("action 'http': outcomes must have HTTP statuses such as 404 or classes such as 4xx as keys,"
                        + " not '4x4'");
        assertThat(run(Map.of("url", server.url("/"), "response", Map.of("s", "order..status"))).cause().orElseThrow())
                .contains("action 'http': response must map 's' to a dotted path");
        assertThat(run(Map.of("url", server.url("/"), "headers", Map.of("Host", "evil"))).cause().orElseThrow())
                .contains("action 'http': headers cannot set 'Host'").doesNotContain("evil");
        assertThat(server.received).as("nothing is sent with bad parameters").isEmpty();
    }

    @Test
    void aRedirectIntoThePrivateNetworkIsRefusedAndNothingReachesIt() {
        try (LoopbackServer internal = new LoopbackServer(request -> Answer.json("{\"secret\": \"internal\"}"))) {
            server.close();
            server = new LoopbackServer(request -> Answer.redirect(302, internal.url("/admin/keys")));

            ActionOutcome outcome = run(Map.of("url", server.url("/orders/1")));

            assertThat(outcome.outcome()).isEqualTo("error");
            assertThat(outcome.cause().orElseThrow()).contains("127.0.0.1:" + server.port() + " redirected to "
                    + internal.url("/admin/keys") + ", which is refused: 127.0.0.1 resolves to 127.0.0.1, a loopback"
                    + " address");
            assertThat(outcome.data().toString()).doesNotContain("internal");
            assertThat(internal.received).isEmpty();
        }
    }

    @Test
    void aRedirectWithinTheSameOriginIsFollowedWithItsHeaders() {
        server.close();
        server = new LoopbackServer(request -> request.path().equals("/v1/orders/1")
                ? Answer.redirect(301, "/v2/orders/1") : Answer.json(ORDER));

        ActionOutcome outcome = run(Map.of("url", server.url("/v1/orders/1"),
                "headers", Map.of("Authorization", "Bearer s3cret")));

        assertThat(outcome.outcome()).isEqualTo("success");
        assertThat(server.received).extracting(LoopbackServer.Received::path).containsExactly("/v1/orders/1",
                "/v2/orders/1");
        assertThat(server.last().headers()).containsEntry("authorization", "Bearer s3cret");
    }

    @Test
    void anOriginTheOperatorAllowsMayBeRedirectedToWithoutTheCredentials() {
        try (LoopbackServer other = new LoopbackServer(request -> Answer.json(ORDER))) {
            server.close();
            server = new LoopbackServer(request -> Answer.redirect(303, other.url("/done")));
            ActionNodes allowing = ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.empty(),
                    new MediaSettings(1, false, Set.of("127.0.0.1:" + other.port()))));

            ActionOutcome outcome = allowing.run("http", request(Map.of("method", "POST", "url", server.url("/pay"),
                    "body", Map.of("amount", 5), "headers", Map.of("Authorization", "Bearer s3cret"))));

            assertThat(outcome.outcome()).isEqualTo("success");
            assertThat(other.last().method()).as("303 turns the POST into a GET").isEqualTo("GET");
            assertThat(other.last().body()).isEmpty();
            assertThat(other.last().headers()).doesNotContainKey("authorization").doesNotContainKey("content-type");
        }
    }

    @Test
    void redirectsEndAfterFiveHops() {
        server.close();
        server = new LoopbackServer(request -> Answer.redirect(302, "/hop" + server.received.size()));

        ActionOutcome outcome = run(Map.of("url", server.url("/start")));

        assertThat(outcome.cause().orElseThrow()).contains("redirected more than 5 times");
        assertThat(server.received).hasSize(6);
    }

    @Test
    void aDotSegmentInThePathIsRefused() {
        for (String path : List.of("/orders/../admin", "/orders/%2E%2e/admin", "/./orders")) {
            assertThat(run(Map.of("url", server.url(path))).cause().orElseThrow()).as(path)
                    .contains("url must not have '.' or '..' as a path segment");
        }
        assertThat(server.received).isEmpty();
    }
}
