package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.json.Json;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Profile lookups over {@code /users/export/ids}: kept per conversation, paced, and taken as Braze's current values. */
class BrazeReaderTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theSameLookupInTheSameConversationAsksBrazeOnce(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            BrazeReader reader = rig.braze().reader();
            rig.standIn().knowUser("cust-1", Json.object().put("first_name", "Ana"));
            BrazeIdentifier ana = new BrazeIdentifier.ExternalId("cust-1");

            BrazeProfile first = reader.profile("conv_1", ana, List.of("first_name"));
            BrazeProfile again = reader.profile("conv_1", ana, List.of("first_name"));

            assertThat(first).isInstanceOfSatisfying(BrazeProfile.Found.class,
                    f -> assertThat(f.user().path("first_name").asText()).isEqualTo("Ana"));
            assertThat(again).isEqualTo(first);
            assertThat(rig.standIn().taken()).hasSize(1);
            assertThat(rig.standIn().taken().getFirst().body()).isEqualTo(Json.parseStored(
                    "{\"external_ids\":[\"cust-1\"],\"fields_to_export\":[\"first_name\"]}"));

            reader.profile("conv_2", ana, List.of("first_name"));
            reader.profile("conv_1", ana, List.of("first_name", "email"));
            assertThat(rig.standIn().taken()).as("another conversation or other fields ask again").hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUnknownUserIsNotFoundAndFailuresAreNotKept(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            BrazeReader reader = rig.braze().reader();
            assertThat(reader.profile("conv_1", new BrazeIdentifier.ExternalId("nobody"), List.of()))
                    .isEqualTo(new BrazeProfile.NotFound());
            assertThat(rig.standIn().taken().getFirst().body().path("fields_to_export"))
                    .hasSize(BrazeReader.DEFAULT_FIELDS.size());

            rig.standIn().down();
            BrazeIdentifier email = new BrazeIdentifier.Email("ana@example.com");
            assertThat(reader.profile("conv_1", email, List.of("email"))).isInstanceOfSatisfying(
                    BrazeProfile.Failed.class, f -> assertThat(f.reason()).startsWith("Braze did not answer"));
            rig.standIn().up();
            assertThat(reader.profile("conv_1", email, List.of("email"))).isEqualTo(new BrazeProfile.NotFound());
            assertThat(rig.standIn().taken().getLast().body().path("email_address").asText())
                    .isEqualTo("ana@example.com");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badLookupsFailWithTheReasonWithoutAskingBraze(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            BrazeReader reader = rig.braze().reader();
            assertThat(reader.profile("conv_1", new BrazeIdentifier.ExternalId("cust-1"), List.of("shoe_size")))
                    .isInstanceOfSatisfying(BrazeProfile.Failed.class, f -> assertThat(f.reason())
                            .startsWith("fields_to_export: 'shoe_size' is not a field Braze exports"));
            assertThat(reader.profile("conv_1", new BrazeIdentifier.Phone(" "), List.of()))
                    .isInstanceOf(BrazeProfile.Failed.class);
            assertThat(rig.standIn().received()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void lookupsArePacedBelowBrazesLimitForExports(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp, "exports_per_minute: 3", Duration.ofSeconds(5))) {
            rig.standIn().exportLimit(3);
            BrazeReader reader = rig.braze().reader();
            for (int i = 0; i < 3; i++) {
                assertThat(reader.profile("conv_" + i, new BrazeIdentifier.ExternalId("u" + i), List.of("email")))
                        .isEqualTo(new BrazeProfile.NotFound());
            }

            assertThat(reader.profile("conv_9", new BrazeIdentifier.ExternalId("u9"), List.of("email")))
                    .isInstanceOfSatisfying(BrazeProfile.Failed.class, f -> assertThat(f.reason())
                            .isEqualTo("Braze allows 3 look-ups a minute (/users/export/ids) and they are used up;"
                                    + " try again in a minute"));
            assertThat(rig.standIn().received()).as("Braze was not asked, so it never answered 429").isEqualTo(3);

            rig.clock().advance(Duration.ofMinutes(1));
            assertThat(reader.profile("conv_9", new BrazeIdentifier.ExternalId("u9"), List.of("email")))
                    .isEqualTo(new BrazeProfile.NotFound());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLookupReplacesWhatIsRememberedSoAnAnswerThatDiffersFromBrazeIsSentAgain(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            rig.track("conv_1", "{ \"attributes\": [{ \"external_id\": \"u1\", \"first_name\": \"Ana\" }] }");
            await().atMost(WAIT).until(rig::idle);
            rig.standIn().changeUser("u1", "first_name", Json.MAPPER.getNodeFactory().textNode("Anna"));

            BrazeIdentifier u1 = new BrazeIdentifier.ExternalId("u1");
            BrazeProfile found = rig.braze().reader().profile("conv_2", u1, List.of("first_name"));
            assertThat(found).isInstanceOf(BrazeProfile.Found.class);
            rig.db().useWrite(tx -> rig.braze().reader().remember(tx, u1, ((BrazeProfile.Found) found).user()));
            rig.track("conv_2", "{ \"attributes\": [{ \"external_id\": \"u1\", \"first_name\": \"Ana\" }] }");

            await().atMost(WAIT).until(rig::idle);
            assertThat(rig.standIn().tracked()).hasSize(2);
            assertThat(rig.standIn().user("u1")).hasValueSatisfying(u ->
                    assertThat(u.path("first_name").asText()).isEqualTo("Ana"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void withoutABrazeAccountLookupsFailSayingSo(StoreKind kind) {
        try (BrazeRig rig = BrazeRig.start(kind, temp)) {
            BrazeReader unconfigured = new BrazeReader(Optional.empty(), new AttributeDeltas(new BrazeStore(),
                    Duration.ofHours(1)), rig.clock(), new ExportPace(250, rig.clock()));
            assertThat(unconfigured.profile("conv_1", new BrazeIdentifier.ExternalId("x"), List.of()))
                    .isInstanceOfSatisfying(BrazeProfile.Failed.class, f -> assertThat(f.reason())
                            .startsWith("Braze is not configured"));
        }
    }
}
