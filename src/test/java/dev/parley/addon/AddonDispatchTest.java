package dev.parley.addon;

import static dev.parley.addon.DispatchWorkspace.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.webhook.WebhookSigner;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AddonDispatchTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void webhookAddOnGetsTheEndedConversationWithItsTranscriptOnceAfterTheEnd(StoreKind kind) throws Exception {
        try (DispatchWorkspace w = DispatchWorkspace.start(kind, temp, "")) {
            w.contact().say("Where is my order?");
            assertThat(w.send(event("message", "{\"body\":\"It ships today.\"}"),
                    event("conversation_update", "{\"subject\":\"Order 42\",\"topics\":[\"shipping\"]}"),
                    event("addon_dispatch", "{\"type\":\"crm\"}")).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(w.parley()::drained);
            assertThat(w.crm().calls()).as("nothing runs before the conversation ends").isEmpty();

            assertThat(w.send(event("end", "{}")).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> !w.crm().calls().isEmpty());
            WebhookRecorder.Call call = w.crm().calls().getFirst();
            JsonNode body = call.body();
            assertThat(body.path("event").asText()).isEqualTo("conversation_ended");
            JsonNode conv = body.path("conversation");
            assertThat(conv.path("id").asText()).isEqualTo(w.contact().conversationId());
            assertThat(conv.path("status").asText()).isEqualTo("ended");
            assertThat(conv.path("subject").asText()).isEqualTo("Order 42");
            assertThat(conv.path("topics").get(0).asText()).isEqualTo("shipping");
            assertThat(conv.path("channel").asText()).isEqualTo("web");
            assertThat(Instant.parse(conv.path("ended_at").asText()))
                    .isAfterOrEqualTo(Instant.parse(conv.path("created_at").asText()));
            assertThat(body.path("contact").path("id").asText()).isNotEmpty();
            List<String> packets = body.path("transcript").findValuesAsText("name");
            assertThat(packets).containsSubsequence("message", "message", "conversation_ended");
            assertThat(body.path("transcript").toString()).contains("Where is my order?", "It ships today.")
                    .doesNotContain("addon_dispatch");
            assertThat(call.headers()).containsEntry("authorization", "Bearer " + DispatchWorkspace.CRM_TOKEN);
            assertThat(call.eventId()).isNotEmpty();
            String signature = call.headers().get("parley-signature");
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertThat(signature).isEqualTo(WebhookSigner.header(DispatchWorkspace.CRM_SECRET, call.rawBody(),
                    Instant.ofEpochSecond(t)));

            await().atMost(Duration.ofSeconds(10)).until(w.parley()::drained);
            assertThat(w.crm().calls()).as("exactly one call per dispatch").hasSize(1);
            assertThat(w.dispatches()).singleElement().satisfies(d -> assertThat(d).containsEntry("status", "delivered"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFailingAddOnIsRetriedWithTheSameEventIdAndEachDispatchRunsOnce(StoreKind kind) {
        // Only the crm add-on (the one sending an Authorization header) fails its first call: the two
        // dispatches of one request may run in either order, so a count shared by both would pick either.
        AtomicInteger crmCalls = new AtomicInteger();
        WebhookRecorder.Responder failFirst = (h, body) -> h.containsKey("authorization")
                && crmCalls.incrementAndGet() == 1
                ? new WebhookRecorder.Reply(500, "{\"error\":\"down\"}") : WebhookRecorder.Reply.empty();
        try (DispatchWorkspace w = DispatchWorkspace.start(kind, temp, failFirst, "", "")) {
            assertThat(w.send(event("addon_dispatch", "{\"type\":\"crm\"}"),
                    event("addon_dispatch", "{\"type\":\"archive\"}"), event("end", "{}")).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> w.dispatches().stream()
                    .allMatch(d -> d.get("status").equals("delivered")));
            List<WebhookRecorder.Call> crm = w.crm().calls().stream()
                    .filter(c -> c.headers().containsKey("authorization")).toList();
            List<WebhookRecorder.Call> archive = w.crm().calls().stream()
                    .filter(c -> !c.headers().containsKey("authorization")).toList();
            assertThat(crm).hasSize(2);
            assertThat(crm.get(0).reply().status()).isEqualTo(500);
            assertThat(crm.get(1).eventId()).isEqualTo(crm.get(0).eventId());
            assertThat(crm).extracting(WebhookRecorder.Call::attempt).containsExactly(1, 2);
            assertThat(archive).hasSize(1);
            assertThat(archive.getFirst().eventId()).isNotEqualTo(crm.getFirst().eventId());
            assertThat(archive.getFirst().headers()).doesNotContainKey("parley-signature");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anAddOnThatRefusesWithA4xxIsRecordedAndNotRetried(StoreKind kind) throws Exception {
        WebhookRecorder.Responder refuse = (h, body) -> new WebhookRecorder.Reply(422, "{\"error\":\"no\"}");
        try (DispatchWorkspace w = DispatchWorkspace.start(kind, temp, refuse, "", "")) {
            assertThat(w.send(event("addon_dispatch", "{\"type\":\"crm\"}"), event("end", "{}")).status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> w.dispatches().getFirst().get("status").equals("failed"));
            assertThat(String.valueOf(w.dispatches().getFirst().get("last_error"))).contains("HTTP 422");
            await().atMost(Duration.ofSeconds(10)).until(w.parley()::drained);
            assertThat(w.crm().calls()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOperatorsEndAndALiveTimeoutRunDispatchesToo(StoreKind kind) {
        try (DispatchWorkspace w = DispatchWorkspace.start(kind, temp, "")) {
            assertThat(w.send(event("addon_dispatch", "{\"type\":\"crm\"}"), event("abort", "{}")).status())
                    .isEqualTo(200);
            HttpAnswer ended = DispatchWorkspace.HTTP.post(w.parley().baseUrl() + "/api/v1/conversations/"
                    + w.contact().conversationId() + "/end", w.operator(), "");
            assertThat(ended.status()).as("%s", ended).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> w.crm().calls().size() == 1);
            assertThat(w.crm().calls().getFirst().body().path("transcript").toString()).contains("ended_by_operator");
        }
        try (DispatchWorkspace w = DispatchWorkspace.start(kind, temp, (h, b) -> WebhookRecorder.Reply.empty(),
                ", live_timeout: 2s", "")) {
            assertThat(w.send(event("addon_dispatch", "{\"type\":\"crm\"}")).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> w.crm().calls().size() == 1);
            assertThat(w.crm().calls().getFirst().body().path("transcript").toString()).contains("live_timeout");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUnknownAddOnIsRefusedNamingTheKnownOnesAndNothingOfTheRequestIsApplied(StoreKind kind) {
        try (DispatchWorkspace w = DispatchWorkspace.start(kind, temp, "")) {
            HttpAnswer refused = w.send(event("message", "{\"body\":\"not shown\"}"),
                    event("addon_dispatch", "{\"type\":\"zapier\"}"));

            assertThat(refused.status()).isEqualTo(400);
            JsonNode error = refused.json().path("error");
            assertThat(error.path("code").asText()).isEqualTo("unknown_addon");
            assertThat(error.path("path").asText()).isEqualTo("[1].packet.payload.type");
            assertThat(error.path("message").asText()).contains("'zapier'", "crm, archive");
            assertThat(w.contact().transcript()).noneMatch(i -> i.toString().contains("not shown"));
            assertThat(w.dispatches()).isEmpty();
            HttpAnswer missing = w.send(event("addon_dispatch", "{}"));
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().path("error").path("path").asText()).isEqualTo("[0].packet.payload.type");
            assertThat(w.send(event("message", "{\"body\":\"still open\"}")).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(w.parley()::drained);
            assertThat(w.crm().calls()).isEmpty();
        }
    }
}
