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
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input at every endpoint: each refusal is the expected 4xx (never a 5xx) with an error object
 * naming the problem, and what was stored before is intact afterwards. One server per database
 * kind serves all cases; each case works in conversations of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {
    private static final String INVALID_ANSWER = "answer with an invalid second event";
    private static final String BIG_CONTEXT_ANSWER = "answer with a context over 10 KB";
    private static final String BROKEN_ANSWER = "answer with broken JSON";
    private static final String NUL_ANSWER = "answer with a NUL character in the contact name";
    private static final String NUL = "before\u0000after";
    private static final String WEB = "/api/web/v1";

    @TempDir
    Path dir;
    private final Map<StoreKind, TwoBotServer> servers = new EnumMap<>(StoreKind.class);

    @AfterAll
    void stopServers() {
        servers.values().forEach(TwoBotServer::close);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void openingAConversationRefusesBadBodiesAndStoresNothing(StoreKind kind) {
        TwoBotServer s = server(kind);
        String url = s.parley().baseUrl() + WEB + "/widgets/" + TwoBotServer.WIDGET + "/conversations";
        long before = s.stored().conversationCount();

        assertError(post(s, s.parley().baseUrl() + WEB + "/widgets/nowhere/conversations", "{}"), 404, "not_found");
        assertError(post(s, url, "{\"contact\": "), 400, "invalid_json");
        assertError(post(s, url, "[]"), 400, "invalid_json");
        assertError(post(s, url, "{\"contact\": \"Ada\"}"), 400, "invalid_field", "contact");
        assertError(post(s, url, "{\"contact\": {\"name\": 42}}"), 400, "invalid_field", "contact.name");
        assertError(post(s, url, "{\"contact\": {\"email\": \"ada-at-example\"}}"), 400, "invalid_field",
                "contact.email");
        assertError(post(s, url, "{\"proactive\": \"yes\"}"), 400, "invalid_field", "proactive");
        assertError(post(s, url, "{\"contact_token\": \"forged\"}"), 401, "unauthorized");
        assertError(s.http().postExpectingContinue(url, Map.of(),
                Json.write(Json.object().put("page_url", "x".repeat(70_000)))), 413, "body_too_large");

        assertThat(s.stored().conversationCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void writingRefusesBadRequestsAndKeepsTheTranscript(StoreKind kind) {
        TwoBotServer s = server(kind);
        WebContact contact = s.open(TwoBotServer.WIDGET).contact();
        WebContact stranger = s.open(TwoBotServer.WIDGET).contact();
        contact.say("hello");
        List<JsonNode> before = contact.transcript();
        String url = contact.url("/messages");
        String ok = "{\"body\": \"fine\"}";

        assertError(s.http().post(url, Map.of(), ok), 401, "unauthorized");
        assertError(s.http().post(url, Map.of("Authorization", "Bearer not-a-token"), ok), 401, "unauthorized");
        assertError(s.http().post(url, Map.of("Authorization", "Basic YWRhOmFkYQ=="), ok), 401, "unauthorized");
        assertError(s.http().post(url, stranger.auth(), ok), 404, "not_found");
        assertError(s.http().post(s.parley().baseUrl() + WEB + "/conversations/conv_nope/messages",
                contact.auth(), ok), 404, "not_found");
        assertError(s.http().post(url, contact.auth(), "{\"body\": \"unterminated"), 400, "invalid_json");
        assertError(s.http().post(url, contact.auth(), "{}"), 400, "invalid_field", "body");
        assertError(s.http().post(url, contact.auth(), "{\"body\": 42}"), 400, "invalid_field", "body");
        assertError(s.http().post(url, contact.auth(), "{\"body\": \"\"}"), 400, "invalid_field", "body");
        assertError(contact.write("x".repeat(5001)), 400, "invalid_field", "body");
        assertError(s.http().post(url, contact.auth(), "{\"body\": \"x\", \"client_id\": 7}"), 400, "invalid_field",
                "client_id");
        assertError(s.http().postExpectingContinue(url, contact.auth(),
                Json.write(Json.object().put("body", "x".repeat(70_000)))), 413, "body_too_large");

        assertThat(contact.transcript()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void clickingRefusesWhatIsNotAnOpenChoiceOption(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        WebContact contact = session.contact();
        String plain = contact.say("hello").path("message_id").asText();
        assertThat(s.send(event(session.cid(), "bubbles", bubbles(2))).status()).isEqualTo(200);
        String choice = contact.awaitItem("bubbles", Items.fromBot("bubbles")).path("id").asText();
        String url = contact.url("/clicks");

        assertError(contact.click("msg_nope", "o0"), 404, "not_found");
        assertError(contact.click(plain, "o0"), 400, "not_a_choice", "message_id");
        assertError(contact.click(choice, "o9"), 400, "unknown_option", "option_id");
        assertError(s.http().post(url, contact.auth(), "{\"message_id\": \"" + choice + "\"}"), 400, "invalid_field",
                "option_id");
        assertError(s.http().post(url, contact.auth(), "{\"message_id\": \"" + choice + "\", \"option_id\": 1}"), 400,
                "invalid_field", "option_id");
        assertError(s.http().post(url, contact.auth(), "{\"message_id\": "), 400, "invalid_json");
        assertThat(contact.click(choice, "o1").status()).isEqualTo(202);
        assertError(contact.click(choice, "o0"), 409, "choice_answered");

        assertThat(contact.transcript().stream().filter(Items.fromContact("click")))
                .singleElement().satisfies(click -> assertThat(click.path("packet").path("payload").path("value")
                        .path("id").asText()).isEqualTo("o1"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void transcriptAndStreamRefuseBadParametersAndTokens(StoreKind kind) throws Exception {
        TwoBotServer s = server(kind);
        WebContact contact = s.open(TwoBotServer.WIDGET).contact();
        WebContact stranger = s.open(TwoBotServer.WIDGET).contact();
        contact.say("hello");

        assertError(s.http().get(contact.url("/messages?after=abc"), contact.auth()), 400, "invalid_parameter",
                "after");
        assertError(s.http().get(contact.url("/messages?after=-1"), contact.auth()), 400, "invalid_parameter",
                "after");
        assertError(s.http().get(contact.url("/messages?wait=999"), contact.auth()), 400, "invalid_parameter",
                "wait");
        assertError(s.http().get(contact.url("/messages?wait=soon"), contact.auth()), 400, "invalid_parameter",
                "wait");
        assertError(s.http().get(contact.url("/messages"), Map.of()), 401, "unauthorized");
        assertError(s.http().get(contact.url("/messages"), stranger.auth()), 404, "not_found");
        assertError(s.http().get(s.parley().baseUrl() + WEB + "/nothing/here", Map.of()), 404, "not_found");

        String ws = "ws://127.0.0.1:" + s.parley().port() + WEB + "/conversations/" + contact.conversationId()
                + "/stream?token=";
        try (StreamProbe forged = StreamProbe.connect(s.http().client(), ws + "forged");
                StreamProbe foreign = StreamProbe.connect(s.http().client(), ws + stranger.token());
                StreamProbe own = StreamProbe.connect(s.http().client(), ws + contact.token())) {
            assertThat(forged.closeCode()).isEqualTo(4401);
            assertThat(forged.frames()).singleElement().satisfies(frame -> assertThat(Json.MAPPER.readTree(frame)
                    .path("code").asText()).isEqualTo("unauthorized"));
            assertThat(foreign.closeCode()).isEqualTo(4404);
            assertThat(foreign.frames()).noneMatch(frame -> frame.contains("hello"));
            await("own stream delivers the transcript").atMost(Duration.ofSeconds(10))
                    .until(() -> own.frames().stream().anyMatch(frame -> frame.contains("hello")));
            assertThat(own.isOpen()).isTrue();
        }
    }

    @ParameterizedTest
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
        for (String number : List.of("+49 151 12345678", "015112345678", "+999123")) {
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
    void invalidWebhookAnswersAreAppliedUpToTheFirstInvalidEventAndLogged(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        assertThat(s.send(withContext(message(session.cid(), "noted"), Json.object().put("state", "a"))).status())
                .isEqualTo(200);
        WebContact contact = session.contact();

        contact.say(INVALID_ANSWER);
        contact.awaitBotMessage("first of three");
        assertThat(awaitDelivery(s, session.cid(), 1).get("error").toString())
                .contains("[1].packet.payload.options[1].id");
        contact.say(BIG_CONTEXT_ANSWER);
        assertThat(awaitDelivery(s, session.cid(), 2).get("error").toString()).contains("info.context");
        contact.say(BROKEN_ANSWER);
        assertThat(awaitDelivery(s, session.cid(), 3).get("error").toString()).contains("not valid JSON");

        assertThat(contact.transcript()).noneMatch(Items.body("third of three")).noneMatch(Items.packet("bubbles"))
                .noneMatch(Items.body("too much context"));
        assertThat(s.stored().contextOf(session.cid())).isEqualTo(Json.object().put("state", "a"));
        contact.say("still there?");
        await("session goes on").atMost(Duration.ofSeconds(20)).until(() -> Items.bodyOf(lastCall(s, session.cid())
                .body()).equals("still there?"));
        assertThat(lastCall(s, session.cid()).info().path("context")).isEqualTo(Json.object().put("state", "a"));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void deeplyNestedJsonIsRefusedAsInvalidJson(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        String nested = "[".repeat(20_000);
        String opens = s.parley().baseUrl() + WEB + "/widgets/" + TwoBotServer.WIDGET + "/conversations";

        SoftAssertions softly = new SoftAssertions();
        for (HttpAnswer answer : List.of(post(s, opens, nested),
                s.http().post(session.contact().url("/messages"), session.contact().auth(), nested),
                s.http().post(session.contact().url("/clicks"), session.contact().auth(), nested),
                s.send(nested),
                s.http().post(s.aliasUrl(TwoBotServer.BOT), Map.of("SECURITY-TOKEN", TwoBotServer.TOKEN), nested))) {
            softly.assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            softly.assertThat(answer.body()).as("%s", answer).contains("invalid_json");
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badlyEncodedPathsGetTheJsonErrorObject(StoreKind kind) {
        TwoBotServer s = server(kind);
        WebContact contact = s.open(TwoBotServer.WIDGET).contact();
        String base = s.parley().baseUrl();

        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of(WEB + "/widgets/%00/conversations", WEB + "/conversations/%00/messages",
                "/api/chatbot/v1/bots/%00/events")) {
            HttpAnswer answer = new JsonHttp().post(base + path, contact.auth(), "{}");
            softly.assertThatCode(() -> assertError(answer, 400)).as(path).doesNotThrowAnyException();
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void nulCharactersAreRefusedOrKeptButNeverFailTheServer(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        String opens = s.parley().baseUrl() + WEB + "/widgets/" + TwoBotServer.WIDGET + "/conversations";
        WebContact contact = session.contact();
        Map<String, HttpAnswer> answers = new LinkedHashMap<>();
        answers.put("contact message", contact.write(NUL));
        answers.put("client_id", contact.write("fine", Optional.of(NUL)));
        answers.put("click message_id", contact.click(NUL, "o0"));
        answers.put("bot message", s.send(message(session.cid(), NUL)));
        answers.put("context", s.send(withContext(message(session.cid(), "noted"), Json.object().put("state", NUL))));
        for (String field : List.of("name", "email", "external_customer_id")) {
            answers.put("contact_update " + field, s.send(event(session.cid(), "contact_update",
                    Json.object().put(field, field.equals("email") ? "a" + NUL + "@example.com" : NUL))));
        }
        answers.put("contact_update custom field", s.send(event(session.cid(), "contact_update",
                Json.object().set("custom_fields", Json.object().put("note", NUL)))));
        for (String field : List.of("name", "email", "locale")) {
            answers.put("open with contact " + field, post(s, opens, Json.write(Json.object().set("contact",
                    Json.object().put(field, field.equals("email") ? "a" + NUL + "@example.com" : NUL)))));
        }
        answers.put("open with page_url", post(s, opens, Json.write(Json.object().put("page_url", NUL))));
        answers.put("forward_group group_id", s.send(event(session.cid(), "forward_group",
                Json.object().put("group_id", NUL))));

        SoftAssertions softly = new SoftAssertions();
        answers.forEach((what, answer) -> softly.assertThat(answer.status()).as("%s: %s", what, answer)
                .isLessThan(500));
        softly.assertAll();
        assertThat(contact.transcript().stream().map(Items::bodyOf).filter(body -> body.startsWith("before")))
                .as("accepted text is stored exactly").allMatch(NUL::equals);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWebhookAnswerWithANulCharacterDoesNotBlockTheSession(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);

        session.contact().say(NUL_ANSWER);
        session.contact().say("next");

        await("the next message reaches the bot").atMost(Duration.ofSeconds(10)).until(() -> s.webhook()
                .callsOf(session.cid()).stream().anyMatch(c -> Items.bodyOf(c.body()).equals("next")));
        assertThat(s.webhook().callsOf(session.cid()).stream().filter(c -> Items.bodyOf(c.body()).equals(NUL_ANSWER)))
                .as("calls for the event answered with a NUL").hasSize(1);
    }

    private TwoBotServer server(StoreKind kind) {
        return servers.computeIfAbsent(kind, k -> TwoBotServer.start(k, dir, MalformedInputTest::answer));
    }

    /** The webhook's behaviour: answers the trigger texts badly, everything else with nothing. */
    private static Reply answer(Map<String, String> headers, String body) {
        JsonNode call = Json.parseStored(body);
        String cid = call.path("info").path("cid").asText();
        return switch (call.path("packet").path("payload").path("body").asText()) {
            case INVALID_ANSWER -> Reply.json(list(message(cid, "first of three"),
                    event(cid, "bubbles", BotEvents.duplicateIds()), message(cid, "third of three")));
            case BIG_CONTEXT_ANSWER -> Reply.json(withContext(message(cid, "too much context"), bigContext()));
            case BROKEN_ANSWER -> new Reply(200, "{\"info\": {\"cid\": ");
            case NUL_ANSWER -> Reply.json(list(event(cid, "contact_update", Json.object().put("name", NUL)),
                    message(cid, "name noted")));
            default -> Reply.empty();
        };
    }

    private static Map<String, Object> awaitDelivery(TwoBotServer s, String cid, int nth) {
        return await("invalid answer " + nth + " in the delivery log").atMost(Duration.ofSeconds(20))
                .until(() -> s.stored().deliveriesOf(cid).stream()
                        .filter(d -> "invalid_answer".equals(d.get("outcome"))).toList(), l -> l.size() >= nth)
                .get(nth - 1);
    }

    private static WebhookRecorder.Call lastCall(TwoBotServer s, String cid) {
        return s.webhook().callsOf(cid).getLast();
    }

    private static HttpAnswer post(TwoBotServer s, String url, String body) {
        return s.http().post(url, Map.of(), body);
    }
}
