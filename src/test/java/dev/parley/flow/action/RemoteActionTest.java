package dev.parley.flow.action;

import static dev.parley.flow.action.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.flow.action.LoopbackServer.Answer;
import dev.parley.json.Json;
import dev.parley.media.AddressGuard;
import dev.parley.media.MediaSettings;
import dev.parley.webhook.WebhookSigner;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteActionTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");

    private final HttpClient http = ActionNodes.BuiltIns.client();
    private final ActionNodes actions = ActionNodes.builtIns(new ActionNodes.BuiltIns(Optional.empty(), http,
            Clock.fixed(NOW, ZoneOffset.UTC), new AddressGuard(MediaSettings.defaults())));
    private final AtomicReference<Answer> answer = new AtomicReference<>(
            Answer.json("{\"outcome\": \"found\", \"data\": {\"tier\": \"gold\", \"points\": 1200}}"));
    private final LoopbackServer service = new LoopbackServer(request -> answer.get());

    @AfterEach
    void stop() {
        service.close();
        http.close();
    }

    private ActionOutcome run(Map<String, Object> params) {
        return actions.run("remote", request(params));
    }

    @Test
    void theServicesOutcomeAndDataComeBackAsTheyAre() throws Exception {
        ActionOutcome outcome = run(Map.of("url", service.url("/actions/loyalty"), "program", "stars",
                "headers", Map.of("Authorization", "Bearer t0ken"), "timeout", "5s"));

        assertThat(outcome.outcome()).isEqualTo("found");
        assertThat(outcome.data()).isEqualTo(Map.of("tier", "gold", "points", 1200));
        assertThat(outcome.cause()).isEmpty();
        LoopbackServer.Received got = service.last();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.headers()).containsEntry("content-type", "application/json")
                .containsEntry("authorization", "Bearer t0ken").doesNotContainKey("parley-signature");
        assertThat(Json.MAPPER.readTree(got.body())).isEqualTo(Json.MAPPER.readTree("""
                {"node": "lookup", "params": {"program": "stars"},
                 "variables": {"order_id": "123456", "first_name": "Carla"},
                 "contact": {"id": "c-1", "name": "Carla", "email": "carla@example.com"},
                 "conversation": {"id": "conv-1", "locale": "en"}, "env_name": "sandbox"}"""));
    }

    @Test
    void theSignatureIsVerifiableWithTheSharedSecret() {
        run(Map.of("url", service.url("/actions/loyalty"), "signing_secret", "whsec-42"));

        LoopbackServer.Received got = service.last();
        String signature = got.headers().get("parley-signature");
        assertThat(signature).isEqualTo(WebhookSigner.header("whsec-42", got.body(), NOW))
                .startsWith("t=" + NOW.getEpochSecond() + ",v1=");
        assertThat(got.body()).doesNotContain("whsec-42");
        assertThat(signature).isNotEqualTo(WebhookSigner.header("another secret", got.body(), NOW));
    }

    @Test
    void noDataIsEmptyData() {
        answer.set(Answer.json("{\"outcome\": \"not_found\"}"));

        ActionOutcome outcome = run(Map.of("url", service.url("/a")));

        assertThat(outcome.outcome()).isEqualTo("not_found");
        assertThat(outcome.data()).isEmpty();
    }

    @Test
    void anErrorOutcomeOfTheServiceCarriesItsCause() {
        answer.set(Answer.json("{\"outcome\": \"error\", \"data\": {\"error\": \"CRM unavailable\"}}"));

        ActionOutcome outcome = run(Map.of("url", service.url("/a")));

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause()).contains("CRM unavailable");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            500 | Internal failure                            | answered HTTP 500: Internal failure
            404 | ''                                          | answered HTTP 404
            200 | <html>hello</html>                          | is not JSON: the body is not valid JSON
            200 | ''                                          | is empty, not JSON with outcome and data
            200 | [1, 2]                                      | is a list, not an object with outcome and data
            200 | {"data": {}}                                | has no outcome
            200 | {"outcome": null}                           | has no outcome
            200 | {"outcome": "  "}                           | has a blank outcome
            200 | {"outcome": 3}                              | has an outcome that is a number, not text
            200 | {"outcome": "all good"}                     | has the outcome 'all good', not a word
            200 | {"outcome": "ok", "data": [1]}              | has data that is a list, not an object
            200 | {"outcome": "ok", "data": "x"}              | has data that is text, not an object
            """)
    void garbageIsAnErrorWithTheExactCause(int status, String body, String cause) {
        answer.set(new Answer(status, "application/json", body));

        ActionOutcome outcome = run(Map.of("url", service.url("/a")));

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause().orElseThrow()).contains(cause);
        assertThat(outcome.data()).isEqualTo(Map.of("error", outcome.cause().orElseThrow()));
    }

    @Test
    void aSlowServiceTimesOut() {
        CountDownLatch release = new CountDownLatch(1);
        LoopbackServer slow = new LoopbackServer(request -> {
            release.await(30, TimeUnit.SECONDS);
            return Answer.json("{\"outcome\": \"success\"}");
        });
        try (slow) {
            long started = System.nanoTime();
            ActionOutcome outcome = run(Map.of("url", slow.url("/a"), "timeout", "250ms"));

            assertThat(outcome.cause().orElseThrow()).isEqualTo("no answer from 127.0.0.1:" + slow.port()
                    + " within 250 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
        }
    }

    @Test
    void theUrlMustBeHttp() {
        assertThat(run(Map.of("url", "file:///etc/passwd")).cause().orElseThrow())
                .isEqualTo("action 'remote': url must be an http or https URL, not file:");
        assertThat(service.received).isEmpty();
    }

    @Test
    void transportParametersStayWithParley() throws Exception {
        run(Map.of("url", service.url("/a"), "signing_secret", "s", "timeout", "2s",
                "headers", Map.of("X-Key", "k"), "sku", "A-1"));

        JsonNode params = Json.MAPPER.readTree(service.last().body()).path("params");
        assertThat(params).isEqualTo(Json.MAPPER.readTree("{\"sku\": \"A-1\"}"));
    }
}
