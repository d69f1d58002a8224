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
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input from contacts and at the HTTP level: each refusal is the expected 4xx (never a 5xx) with
 * an error object naming the problem, and what was stored before is intact afterwards. One server
 * per database kind serves all cases; each case works in conversations of its own.
 */
class MalformedContactInputTest extends MalformedInputSuite {
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
        HttpClient fresh = new JsonHttp().client();
        try (StreamProbe forged = StreamProbe.connect(fresh, ws + "forged");
                StreamProbe foreign = StreamProbe.connect(fresh, ws + stranger.token());
                StreamProbe own = StreamProbe.connect(fresh, ws + contact.token())) {
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
    void deeplyNestedJsonIsRefusedAsInvalidJson(StoreKind kind) {
        TwoBotServer s = server(kind);
        TwoBotServer.Session session = s.open(TwoBotServer.WIDGET);
        String nested = "[".repeat(20_000);
        String opens = s.parley().baseUrl() + WEB + "/widgets/" + TwoBotServer.WIDGET + "/conversations";

        SoftAssertions softly = new SoftAssertions();
        for (HttpAnswer answer : List.of(post(s, opens, nested),
                s.http().post(session.contact().url("/messages"), session.contact().auth(), nested),
                s.http().post(session.contact().url("/clicks"), session.contact().auth(), nested),
                s.http().post(session.contact().url("/events"), session.contact().auth(), nested),
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
}
