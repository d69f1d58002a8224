package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn.Mode;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Delivery as Braze really answers: its combined limit, whole-request refusals split until only the
 * offending objects are left, minor errors, a refused key, 5xx that do not stop, and duplicates.
 */
class BrazeDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBacklogOfAttributesAndEventsLeavesInRequestsOfAtMost75ObjectsCombined(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.db().useWrite(tx -> {
                for (int i = 0; i < 100; i++) {
                    rig.braze().writer().track(tx, Optional.of("conv_" + i), new BrazeUpdate(
                            List.of(Json.object().put("external_id", "user-" + i).put("vip", true)),
                            List.of(event("user-" + i, "viewed")), List.of()));
                }
            });

            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().trackSizes()).as("every request Braze got").allMatch(n -> n <= 75)
                    .containsExactly(75, 75, 50);
            assertThat(rig.braze().deadLetters().list()).isEmpty();
            assertThat(rig.standIn().user("user-99")).hasValueSatisfying(u ->
                    assertThat(u.path("custom_attributes").path("vip").asBoolean()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLegacyContractTakes75PerArray(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp, "batch_limit_mode: per_array", Duration.ofSeconds(5))) {
            rig.standIn().perArrayLimit();
            rig.db().useWrite(tx -> {
                for (int i = 0; i < 75; i++) {
                    rig.braze().writer().track(tx, Optional.of("conv_" + i), new BrazeUpdate(
                            List.of(Json.object().put("external_id", "user-" + i).put("vip", true)),
                            List.of(event("user-" + i, "viewed")), List.of()));
                }
            });

            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().trackSizes()).containsExactly(150);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRequestRefusedAsTooLargeIsSplitAndEveryObjectGoesThrough(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp, "batch_limit_mode: per_array", Duration.ofSeconds(5))) {
            rig.db().useWrite(tx -> {
                for (int i = 0; i < 75; i++) {
                    rig.braze().writer().track(tx, Optional.of("conv_" + i), new BrazeUpdate(
                            List.of(Json.object().put("external_id", "user-" + i).put("vip", true)),
                            List.of(event("user-" + i, "viewed")), List.of()));
                }
            });

            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().trackSizes()).as("150 refused, then two halves").containsExactly(150, 75, 75);
            assertThat(rig.standIn().tracked()).extracting(t -> t.objects()).containsExactly(75, 75);
            assertThat(rig.braze().deadLetters().list()).isEmpty();
            assertThat(rig.requestStatuses()).containsExactlyInAnyOrder("split", "sent", "sent");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRequestRefusedForOneObjectDeadLettersThatObjectAloneAndSendsTheOthers(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.standIn().block("dummy");
            List<JsonNode> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                events.add(event(i == 6 ? "dummy" : "user-" + i, "viewed"));
            }
            rig.track("conv_1", BrazeUpdate.ofEvents(events));

            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().tracked().stream().mapToInt(t -> t.objects()).sum()).isEqualTo(9);
            List<DeadLetter> letters = rig.braze().deadLetters().list();
            assertThat(letters).hasSize(1);
            assertThat(letters.getFirst().httpStatus()).isEqualTo(400);
            assertThat(letters.getFirst().objects().path("events")).hasSize(1);
            assertThat(letters.getFirst().objects().path("events").get(0).path("external_id").asText())
                    .isEqualTo("dummy");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aMinorErrorWithoutAnIndexIsKeptWithTheObjectsItMayConcern(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.standIn().mode(Mode.ACCEPT_WITH_UNINDEXED_ERROR);
            rig.track("conv_1", """
                    { "attributes": [{ "external_id": "u1", "home_city": "Austin" }] }""");

            await().atMost(WAIT).until(rig::idle);
            List<DeadLetter> letters = rig.braze().deadLetters().list();
            assertThat(letters).hasSize(1);
            assertThat(letters.getFirst().errors()).containsExactly("internal error while processing the request");
            assertThat(letters.getFirst().objects().path("attributes")).hasSize(1);

            rig.standIn().mode(Mode.ACCEPT);
            rig.track("conv_2", """
                    { "attributes": [{ "external_id": "u1", "home_city": "Austin" }] }""");
            await().atMost(WAIT).until(() -> rig.standIn().tracked().size() == 2);
            assertThat(rig.standIn().tracked().get(1).body().path("attributes").get(0).path("home_city").asText())
                    .as("not remembered as taken").isEqualTo("Austin");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void deadLettersReSentTogetherLeaveWithinTheLimit(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp, "max_attempts: 1", Duration.ofSeconds(5))) {
            rig.standIn().mode(Mode.SERVER_ERROR);
            rig.db().useWrite(tx -> {
                for (int i = 0; i < 100; i++) {
                    rig.braze().writer().track(tx, Optional.of("conv_" + i),
                            BrazeUpdate.ofEvents(List.of(event("user-" + i, "viewed"))));
                }
            });
            await().atMost(WAIT).until(() -> rig.idle() && rig.braze().deadLetters().list().size() == 2);

            rig.standIn().mode(Mode.ACCEPT);
            assertThat(rig.braze().deadLetters().resendAll()).isEqualTo(100);

            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().tracked()).extracting(t -> t.objects()).allMatch(n -> n <= 75);
            assertThat(rig.standIn().tracked().stream().mapToInt(t -> t.objects()).sum()).isEqualTo(100);
            assertThat(rig.braze().deadLetters().list()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRefusedKeyPausesSendingWithAnAlertAndLosesNothing(StoreKind kind) {
        for (Mode refusal : List.of(Mode.UNAUTHORIZED, Mode.FORBIDDEN)) {
            try (BrazeRig rig = BrazeRig.start(kind, temp.resolve(refusal.name()), 75, Duration.ofSeconds(5))) {
                rig.standIn().mode(refusal);
                rig.track("conv_1", BrazeUpdate.ofEvents(List.of(event("u1", "a"), event("u2", "b"))));

                await().atMost(WAIT).until(() -> !rig.braze().deadLetters().alerts().isEmpty());
                BrazeAlert alert = rig.braze().deadLetters().alerts().getFirst();
                assertThat(alert.kind()).isEqualTo("auth");
                assertThat(alert.message()).contains("HTTP " + (refusal == Mode.UNAUTHORIZED ? 401 : 403))
                        .contains("sending is paused");
                assertThat(rig.braze().deadLetters().list()).isEmpty();
                assertThat(rig.requestStatuses()).containsExactly("open");

                rig.standIn().mode(Mode.ACCEPT);
                rig.clock().advance(AnswerRecorder.AUTH_PROBE.plusSeconds(1));
                await().atMost(WAIT).until(rig::idle);
                assertThat(rig.standIn().tracked()).extracting(t -> t.objects()).containsExactly(2);
                assertThat(rig.braze().deadLetters().alerts()).as("cleared once Braze takes a request").isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void serverErrorsStopAfterTheAttemptCapWithAnAlertAndADeadLetter(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp, "max_attempts: 3", Duration.ofSeconds(5))) {
            rig.standIn().mode(Mode.SERVER_ERROR);
            rig.track("conv_1", BrazeUpdate.ofEvents(List.of(event("u1", "a"))));

            await().atMost(WAIT).until(() -> {
                rig.clock().advance(Duration.ofSeconds(2));
                return rig.idle();
            });
            assertThat(rig.standIn().received()).isEqualTo(3);
            assertThat(rig.requestStatuses()).containsExactly("dead");
            assertThat(rig.braze().deadLetters().list()).hasSize(1);
            assertThat(rig.braze().deadLetters().alerts()).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("server_errors");
                assertThat(a.message()).contains("3 times").contains("HTTP 500");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anEventBrazeRecordedTwiceCarriesTheSameEventIdBothTimes(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.standIn().mode(Mode.APPLY_THEN_SERVER_ERROR);
            rig.track("conv_1", BrazeUpdate.ofEvents(List.of(event("u1", "ordered"))));
            await().atMost(WAIT).until(() -> rig.standIn().received() == 1);
            rig.standIn().mode(Mode.ACCEPT);
            await().atMost(WAIT).until(() -> {
                rig.clock().advance(Duration.ofSeconds(2));
                return rig.idle();
            });

            List<JsonNode> recorded = rig.standIn().events("u1");
            assertThat(recorded).as("at least once: Braze applied the request it answered 500").hasSize(2);
            String eventId = recorded.get(0).path("properties").path("event_id").asText();
            assertThat(eventId).startsWith("evt_");
            assertThat(recorded.get(1).path("properties").path("event_id").asText()).isEqualTo(eventId);
        }
    }

    private static ObjectNode event(String user, String name) {
        return Json.object().put("external_id", user).put("name", name);
    }
}
