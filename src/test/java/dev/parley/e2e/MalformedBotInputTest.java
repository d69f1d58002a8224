package dev.parley.e2e;

import static dev.parley.e2e.ErrorBodies.assertError;
import static dev.parley.e2e.BotEvents.bigContext;
import static dev.parley.e2e.BotEvents.bubbles;
import static dev.parley.e2e.BotEvents.event;
import static dev.parley.e2e.BotEvents.list;
import static dev.parley.e2e.BotEvents.message;
import static dev.parley.e2e.BotEvents.withContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import dev.parley.testing.WebhookRecorder.Reply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input from bots — on the API URL and in webhook answers: each refusal is the expected 4xx
 * (never a 5xx) with an error object naming the problem, nothing of a refused request is applied,
 * and invalid answers are applied up to their first invalid event and logged.
 */
class MalformedBotInputTest extends MalformedInputSuite {
    @EnumSource(StoreKind.class)
    void apiUrlRefusesBadCredentialsBodiesAndSessions(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        TwoBotServer.Session foreign = s.open(TwoBotServer.OTHER_WIDGET);
        List<JsonNode> before = session.contact().transcript();
        String ok = Json.write(message(session.cid(), "should not arrive"));
        Map<String, String> token = Map.of("SECURITY-TOKEN", TwoBotServer.TOKEN);

        for (String url : List.of(s.apiUrl(TwoBotServer.BOT), s.aliasUrl(TwoBotServer.BOT))) {
            assertError(s.http().post(url, Map.of(), ok), 401, "unauthorized");
            assertError(s.http().post(url, Map.of("SECURITY-TOKEN", "wrong"), ok), 401, "unauthorized");
            assertError(s.http().post(url, Map.of("SECURITY-TOKEN", "beta-api-token"), ok), 401, "unauthorized");
            assertError(s.http().postExpectingContinue(url, token, "x".repeat(300 * 1024)), 413, "body_too_large");
        }
        assertError(s.http().post(s.apiUrl("nobot"), token, ok), 404, "not_found");
        assertError(s.send("{\"info\": {\"cid\": "), 400, "invalid_json");
        assertError(s.send(""), 400, "invalid_json");
        assertError(s.send("{\"info\": {\"cid\": \"" + session.cid() + "\"}} {}"), 400, "invalid_json");
        assertError(s.send("42"), 400, "invalid_event", "info.cid");
        assertError(s.send("[]"), 400, "invalid_event", "[0].info.cid");
        assertError(s.send("{\"info\": {\"cid\": 7}, \"packet\": {\"name\": \"message\"}}"), 400, "invalid_event",
                "info.cid");
        assertError(s.send(message(foreign.cid(), "not my session")), 404, "unknown_session", "info.cid");
        assertError(s.send(message("chatbot::alpha:" + "0".repeat(32), "no such")), 404, "unknown_session",
                "info.cid");
        assertError(s.send(message("chatbot::alpha:nothex", "bad cid")), 404, "unknown_session", "info.cid");
        assertError(s.send(event(session.cid(), "explode", Json.object())), 400, "unknown_event", "packet.name");
        assertError(s.send(event(session.cid(), "message", Json.object().put("body", 42))), 400, "invalid_event",
                "packet.payload.body");
        assertError(s.send(message(session.cid(), "x".repeat(5001))), 400, "invalid_event", "packet.payload.body");

        assertThat(session.contact().transcript()).isEqualTo(before);
        assertThat(foreign.contact().transcript()).noneMatch(Items.body("not my session"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void apiUrlRefusesInvalidEventsWithTheirPathAndAppliesNoneOfTheRequest(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        String cid = session.cid();
        List<JsonNode> before = session.contact().transcript();
        ObjectNode unlabelled = bubbles(5);
        ((ObjectNode) unlabelled.withArray("options").get(3)).remove("label");
        ObjectNode duplicate = bubbles(3);
        ((ObjectNode) duplicate.withArray("options").get(2)).put("id", "o0");

        assertError(s.send(list(message(cid, "applied?"), event(cid, "bubbles", unlabelled))), 400, "invalid_event",
                "[1].packet.payload.options[3].label");
        assertError(s.send(event(cid, "bubbles", bubbles(21))), 400, "invalid_event", "packet.payload.options");
        assertError(s.send(list(message(cid, "applied?"), event(cid, "bubbles", duplicate))), 400, "invalid_event",
                "[1].packet.payload.options[2].id");
        assertError(s.send(list(message(cid, "applied?"), message("chatbot::alpha:" + "1".repeat(32), "x"))), 400,
                "invalid_event", "[1].info.cid");
        for (String number : List.of("015112345678", "+999123", "call me")) {
            assertError(s.send(list(event(cid, "contact_update", Json.object().put("name", "Changed")),
                    event(cid, "contact_update", Json.object().put("mobile_number", number)))), 400, "invalid_event",
                    "[1].packet.payload.mobile_number");
        }
        assertError(s.send(event(cid, "contact_update", Json.object())), 400, "invalid_event", "packet.payload");

        assertThat(session.contact().transcript()).isEqualTo(before);
        assertThat(s.stored().contactOf(session.contact().conversationId()))
                .containsEntry("name", null).containsEntry("mobile_number", null);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void contextOver10KbIsRefusedAndTheStoredContextStays(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        assertThat(s.send(withContext(message(session.cid(), "noted"), Json.object().put("state", "a"))).status())
                .isEqualTo(200);
        ObjectNode big = withContext(message(session.cid(), "forgotten"), bigContext());

        assertError(s.send(big), 400, "context_too_large", "info.context");

        assertThat(s.stored().contextOf(session.cid())).isEqualTo(Json.object().put("state", "a"));
        assertThat(session.contact().transcript()).noneMatch(Items.body("forgotten"));
        session.contact().say("what do you remember?");
        await("next webhook call").atMost(Duration.ofSeconds(20)).until(() -> lastCall(s, session.cid())
                .packetName().equals("message"));
        assertThat(lastCall(s, session.cid()).info().path("context")).isEqualTo(Json.object().put("state", "a"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void endedSessionAnswers409AndMoreThan20RequestsPerMinuteAnswer429(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session ended = s.open(TwoBotServer.WIDGET);
        assertThat(s.send(event(ended.cid(), "end", Json.object())).status()).isEqualTo(200);
        List<JsonNode> afterEnd = ended.contact().transcript();
        assertError(s.send(message(ended.cid(), "too late")), 409, "session_ended");
        assertError(ended.contact().write("anyone?"), 409, "conversation_ended");
        assertThat(ended.contact().transcript()).isEqualTo(afterEnd);

        TwoBotServer.Session busy = s.open(TwoBotServer.WIDGET);
        for (int i = 1; i <= 20; i++) {
            assertThat(s.send(message(busy.cid(), "burst " + i)).status()).as("request %s", i).isEqualTo(200);
        }
        HttpAnswer limited = s.send(message(busy.cid(), "burst 21"));
        assertError(limited, 429, "rate_limited");
        assertThat(limited.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(busy.contact().transcript().stream().filter(Items.fromBot("message")).map(Items::bodyOf))
                .hasSize(20).doesNotContain("burst 21");
        TwoBotServer.Session calm = s.open(TwoBotServer.WIDGET);
        assertThat(s.send(message(calm.cid(), "other sessions are not limited")).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void invalidWebhookAnswersAreAppliedEventByEventAndTheSkippedOnesLogged(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        assertThat(s.send(withContext(message(session.cid(), "noted"), Json.object().put("state", "a"))).status())
                .isEqualTo(200);
        WebContact contact = session.contact();

        contact.say(MalformedAnswers.INVALID_ANSWER);
        contact.awaitBotMessage("first of three");
        contact.awaitBotMessage("third of three");
        assertThat(awaitDelivery(s, session.cid(), "invalid_event_skipped", 1).get("error").toString())
                .startsWith("[1].packet.payload.options[1].id");
        contact.say(MalformedAnswers.BIG_CONTEXT_ANSWER);
        contact.awaitBotMessage("too much context");
        assertThat(awaitDelivery(s, session.cid(), "delivered", 1).get("error").toString()).contains("info.context");
        contact.say(MalformedAnswers.BROKEN_ANSWER);
        assertThat(awaitDelivery(s, session.cid(), "invalid_event_skipped", 2).get("error").toString())
                .contains("not valid JSON");

        assertThat(contact.transcript()).noneMatch(Items.packet("bubbles"));
        assertThat(s.stored().contextOf(session.cid())).isEqualTo(Json.object().put("state", "a"));
        contact.say("still there?");
        await("session goes on").atMost(Duration.ofSeconds(20)).until(() -> Items.bodyOf(lastCall(s, session.cid())
                .body()).equals("still there?"));
        assertThat(lastCall(s, session.cid()).info().path("context")).isEqualTo(Json.object().put("state", "a"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWebhookAnswerWithANulCharacterDoesNotBlockTheSession(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);

        session.contact().say(MalformedAnswers.NUL_ANSWER);
        session.contact().say("next");

        await("the next message reaches the bot").atMost(Duration.ofSeconds(10)).until(() -> s.webhook()
                .callsOf(session.cid()).stream().anyMatch(c -> Items.bodyOf(c.body()).equals("next")));
        assertThat(s.webhook().callsOf(session.cid()).stream().filter(c -> Items.bodyOf(c.body()).equals(MalformedAnswers.NUL_ANSWER)))
                .as("calls for the event answered with a NUL").hasSize(1);
    }


    private static Map<String, Object> awaitDelivery(TwoBotServer s, String cid, String outcome, int nth) {
        return await(outcome + " " + nth + " in the delivery log").atMost(Duration.ofSeconds(20))
                .until(() -> s.stored().deliveriesOf(cid).stream()
                        .filter(d -> outcome.equals(d.get("outcome")) && d.get("error") != null).toList(),
                        l -> l.size() >= nth)
                .get(nth - 1);
    }

    private static WebhookRecorder.Call lastCall(TwoBotServer s, String cid) {
        return s.webhook().callsOf(cid).getLast();
    }
}
