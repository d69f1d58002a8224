package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.BrazeStandIn.Mode;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The writer: checks, durable batching through the outbox, retries, dead letters and deltas. */
class BrazeWriterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void invalidObjectsAreRefusedWithTheirReasonAndTheOthersAreSentWithTheirTimeFilled(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            TrackOutcome outcome = rig.track("conv_1", """
                    { "attributes": [
                        { "external_id": "u1", "first_name": "Ana", "dob": "1990-04-02" },
                        { "first_name": "Nobody" },
                        { "external_id": "u2", "dob": "02/04/1990" },
                        { "user_alias": { "alias_name": "chat-1" }, "email": "a@example.com" } ],
                      "events": [
                        { "external_id": "u1", "name": "chat_started" },
                        { "email": "a@example.com", "name": "late", "time": "2024-13-01T10:00:00Z" },
                        { "external_id": "u1", "properties": { "x": 1 } },
                        { "external_id": "u1", "name": "bad", "properties": { "time": "now" } },
                        "not an object" ],
                      "purchases": [
                        { "external_id": "u1", "product_id": "shoe", "currency": "EUR", "price": 59.9, "quantity": 2 },
                        { "external_id": "u1", "product_id": "shoe", "price": 59.9 },
                        { "phone": "+41791234567", "product_id": "hat", "currency": "usd", "price": 5 } ] }""");

            assertThat(outcome).isInstanceOfSatisfying(TrackOutcome.Queued.class, q -> {
                assertThat(q.queued()).isEqualTo(3);
                assertThat(q.refused()).extracting(TrackOutcome.Refusal::describe).containsExactly(
                        "attributes[1]: no identifier: name the user with one of external_id, user_alias, braze_id,"
                                + " email, phone (user_alias as {alias_name, alias_label})",
                        "attributes[2]: dob: '02/04/1990' is not a date written YYYY-MM-DD",
                        "attributes[3]: user_alias needs alias_name and alias_label, both non-empty text",
                        "events[1]: time: '2024-13-01T10:00:00Z' is not an ISO 8601 time (such as"
                                + " 2024-05-01T14:03:22Z); leave it out to use the moment of sending",
                        "events[2]: name: an event needs a name (non-empty text)",
                        "events[3]: properties.time: Braze reserves this name; rename the property",
                        "events[4]: must be a JSON object, got string",
                        "purchases[1]: currency: a purchase needs a currency (an ISO 4217 code in capitals, such as USD)",
                        "purchases[2]: currency: 'usd' is not a currency (an ISO 4217 code in capitals, such as USD)");
            });
            await().atMost(WAIT).until(() -> rig.standIn().tracked().size() == 1);
            JsonNode sent = rig.standIn().tracked().getFirst().body();
            assertThat(sent.path("attributes")).hasSize(1);
            assertThat(sent.path("events")).hasSize(1);
            assertThat(sent.path("purchases")).hasSize(1);
            String time = sent.path("events").get(0).path("time").asText();
            assertThat(OffsetDateTime.parse(time).toInstant()).isBetween(java.time.Instant.now().minusSeconds(30),
                    java.time.Instant.now());
            assertThat(sent.path("purchases").get(0).path("time").asText()).isNotEmpty();
            await().atMost(WAIT).until(() -> rig.pendingObjects() == 0);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void longTextsReservedPurchaseKeysUnknownCurrenciesAndBadOperationsAreRefusedAsBrazeWould(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            String longText = "x".repeat(256);
            TrackOutcome outcome = rig.track("conv_1", """
                    { "attributes": [
                        { "external_id": "u1", "bio_note": "%s" },
                        { "external_id": "u1", "tags": { "add": ["%s"] } },
                        { "external_id": "u1", "chats": { "inc": "1" } },
                        { "external_id": "u1", "prefs": { "bad key": 1 } },
                        { "external_id": "u1", "vip": true, "score": 5, "chats": { "inc": 1 }, "note": "%s" } ],
                      "purchases": [
                        { "external_id": "u1", "product_id": "hat", "currency": "XYZ", "price": 5 },
                        { "external_id": "u1", "product_id": "hat", "currency": "CHF", "price": 5,
                          "properties": { "quantity": 2 } },
                        { "external_id": "u1", "product_id": "hat", "currency": "CHF", "price": 5, "quantity": 2 } ] }"""
                    .formatted(longText, longText, "y".repeat(255)));

            assertThat(outcome).isInstanceOfSatisfying(TrackOutcome.Queued.class, q -> {
                assertThat(q.queued()).isEqualTo(2);
                assertThat(q.refused()).extracting(TrackOutcome.Refusal::describe).containsExactly(
                        "attributes[0]: bio_note: text values have at most 255 characters, got 256",
                        "attributes[1]: tags.add: text values have at most 255 characters, got 256",
                        "attributes[2]: chats: inc takes a whole number alone, as in { inc: 1 }; got {\"inc\":\"1\"}",
                        "attributes[3]: prefs.bad key: nested keys have 1 to 255 characters without spaces or '.'",
                        "purchases[0]: currency: 'XYZ' is not a currency (an ISO 4217 code in capitals, such as USD)",
                        "purchases[1]: properties.quantity: Braze reserves this name; rename the property");
            });
            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.braze().deadLetters().list()).as("Braze took everything that passed").isEmpty();
            assertThat(rig.standIn().purchases("u1")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void pendingUpdatesFromManyConversationsLeaveInFullBatches(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.db().useWrite(tx -> {
                for (int i = 0; i < 200; i++) {
                    rig.braze().writer().track(tx, Optional.of("conv_" + (i % 40)),
                            BrazeUpdate.ofEvents(List.of(event("user-" + i, "viewed"))));
                }
            });

            await().atMost(WAIT).until(() -> rig.standIn().tracked().stream().mapToInt(BrazeStandIn.Taken::objects)
                    .sum() == 200);
            assertThat(rig.standIn().tracked()).extracting(BrazeStandIn.Taken::objects).containsExactly(75, 75, 50);
            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.requestStatuses()).containsExactly("sent", "sent", "sent");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRequestBrazeTookIsNeverSentAgainAndItsNonFatalErrorsBecomeADeadLetter(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.standIn().mode(Mode.ACCEPT_WITH_ERRORS);
            rig.track("conv_1", BrazeUpdate.ofEvents(List.of(event("blocked-1", "a"), event("u2", "b"))));

            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().received()).isEqualTo(1);
            assertThat(rig.requestStatuses()).containsExactly("sent");
            DeadLetter letter = rig.braze().deadLetters().list().getFirst();
            assertThat(letter.httpStatus()).isEqualTo(201);
            assertThat(letter.errors()).containsExactly("events[0]: provided external_id is blacklisted and disallowed");
            assertThat(letter.objects().path("events")).hasSize(1);
            assertThat(letter.objects().path("events").get(0).path("external_id").asText()).isEqualTo("blocked-1");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void a429IsRetriedNoSoonerThanBrazesResetTime(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.standIn().mode(Mode.RATE_LIMITED);
            rig.standIn().resetIn(30);
            Instant before = rig.clock().instant();
            rig.track("conv_1", BrazeUpdate.ofEvents(List.of(event("u1", "a"))));

            await().atMost(WAIT).until(() -> rig.nextAttempt().isPresent());
            assertThat(rig.nextAttempt()).as("not before X-RateLimit-Reset, whole seconds from the answer")
                    .hasValueSatisfying(next -> assertThat(next).isAfterOrEqualTo(before.plusSeconds(29)));
            assertThat(rig.standIn().received()).isEqualTo(1);

            rig.standIn().mode(Mode.ACCEPT);
            rig.clock().advance(Duration.ofSeconds(31));
            await().atMost(WAIT).until(() -> rig.standIn().tracked().size() == 1);
            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().received()).isEqualTo(2);
            assertThat(rig.requestStatuses()).containsExactly("sent");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theStoredStatusOfARequestIsWrittenOnlyOnceBrazesAnswerArrived(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.standIn().holdAnswers();
            rig.track("conv_1", BrazeUpdate.ofEvents(List.of(event("u1", "a"))));

            await().atMost(WAIT).until(() -> rig.standIn().tracked().size() == 1);
            assertThat(rig.requestStatuses()).as("Braze has the request but has not answered yet")
                    .containsExactly("open");
            rig.standIn().releaseAnswers();
            await().atMost(WAIT).until(() -> rig.requestStatuses().equals(List.of("sent")));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void serverErrorsAndHangsAreRetriedUntilBrazeTakesTheSameRequestOnce(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp, 75, Duration.ofMillis(500))) {
            rig.standIn().mode(Mode.SERVER_ERROR);
            rig.track("conv_1", BrazeUpdate.ofEvents(List.of(event("u1", "a"), event("u2", "b"))));
            await().atMost(WAIT).until(() -> rig.standIn().received() >= 1);

            rig.standIn().mode(Mode.HANG);
            int before = rig.standIn().received();
            await().atMost(WAIT).until(() -> rig.standIn().received() >= before + 1);
            rig.standIn().mode(Mode.ACCEPT);

            await().atMost(WAIT).until(() -> rig.standIn().tracked().size() == 1);
            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().tracked()).hasSize(1);
            assertThat(rig.standIn().tracked().getFirst().objects()).isEqualTo(2);
            assertThat(rig.requestStatuses()).containsExactly("sent");
            assertThat(rig.braze().deadLetters().list()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRefusedRequestBecomesADeadLetterWithBrazesWordsAndIsNotRetried(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.standIn().mode(Mode.BAD_REQUEST);
            rig.track("conv_1", BrazeUpdate.ofEvents(List.of(event("u1", "a"))));

            await().atMost(WAIT).until(() -> !rig.braze().deadLetters().list().isEmpty() && rig.idle());
            assertThat(rig.standIn().received()).isEqualTo(1);
            assertThat(rig.requestStatuses()).containsExactly("dead");
            DeadLetter letter = rig.braze().deadLetters().list().getFirst();
            assertThat(letter.httpStatus()).isEqualTo(400);
            assertThat(letter.message()).isEqualTo("provided external_id is blacklisted and disallowed");
            assertThat(letter.objects().path("events").get(0).path("name").asText()).isEqualTo("a");

            rig.standIn().mode(Mode.ACCEPT);
            assertThat(rig.braze().deadLetters().resend(letter.id(), Optional.empty())).isEqualTo(1);
            await().atMost(WAIT).until(() -> rig.standIn().tracked().size() == 1);
            assertThat(rig.braze().deadLetters().list()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void attributesAreSentOnlyWhenTheyChanged(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.track("conv_1", """
                    { "attributes": [{ "external_id": "u1", "first_name": "Ana", "home_city": "Austin",
                                       "visits": { "inc": 1 } }] }""");
            await().atMost(WAIT).until(() -> rig.standIn().tracked().size() == 1);

            rig.track("conv_2", """
                    { "attributes": [{ "external_id": "u1", "first_name": "Ana", "home_city": "Boston",
                                       "visits": { "inc": 1 } },
                                     { "external_id": "u2", "first_name": "Ana" }] }""");
            await().atMost(WAIT).until(() -> rig.standIn().tracked().size() == 2);
            assertThat(rig.standIn().tracked().get(1).body().path("attributes")).isEqualTo(Json.parseStored("""
                    [{ "external_id": "u1", "home_city": "Boston", "visits": { "inc": 1 } },
                     { "external_id": "u2", "first_name": "Ana" }]"""));

            rig.track("conv_3", """
                    { "attributes": [{ "external_id": "u1", "first_name": "Ana", "home_city": "Boston" }] }""");
            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().tracked()).as("an object with nothing new is dropped").hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void rememberedValuesExpireAndConsentIsAlwaysSent(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp, "delta_memory: 1h", Duration.ofSeconds(5))) {
            String update = """
                    { "attributes": [{ "external_id": "u1", "first_name": "Ana", "email_subscribe": "opted_in",
                                       "subscription_groups": [{ "subscription_group_id": "g1",
                                                                 "subscription_state": "subscribed" }] }] }""";
            rig.track("conv_1", update);
            await().atMost(WAIT).until(() -> rig.idle() && rig.standIn().tracked().size() == 1);

            rig.track("conv_2", update);
            await().atMost(WAIT).until(() -> rig.idle() && rig.standIn().tracked().size() == 2);
            assertThat(rig.standIn().tracked().get(1).body().path("attributes").get(0)).as("within the memory")
                    .isEqualTo(Json.parseStored("""
                            { "external_id": "u1", "email_subscribe": "opted_in",
                              "subscription_groups": [{ "subscription_group_id": "g1",
                                                        "subscription_state": "subscribed" }] }"""));

            rig.clock().advance(Duration.ofMinutes(61));
            rig.track("conv_3", update);
            await().atMost(WAIT).until(() -> rig.idle() && rig.standIn().tracked().size() == 3);
            assertThat(rig.standIn().tracked().get(2).body().path("attributes").get(0).path("first_name").asText())
                    .as("the memory expired").isEqualTo("Ana");
        }
    }

    private static ObjectNode event(String user, String name) {
        return Json.object().put("external_id", user).put("name", name);
    }

}
