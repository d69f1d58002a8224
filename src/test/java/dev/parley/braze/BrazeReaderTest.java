package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Profile lookups over {@code /users/export/ids}, kept per conversation. */
class BrazeReaderTest {
    private final BrazeStandIn braze = BrazeStandIn.start("k3y");
    private final BrazeReader reader = new BrazeReader(Optional.of(new BrazeClient(braze.url(), "k3y",
            Duration.ofSeconds(2))));

    @AfterEach
    void stop() {
        braze.close();
    }

    @Test
    void theSameLookupInTheSameConversationAsksBrazeOnce() {
        braze.knowUser("cust-1", Json.object().put("external_id", "cust-1").put("first_name", "Ana"));
        BrazeIdentifier ana = new BrazeIdentifier.ExternalId("cust-1");

        BrazeProfile first = reader.profile("conv_1", ana, List.of("first_name"));
        BrazeProfile again = reader.profile("conv_1", ana, List.of("first_name"));

        assertThat(first).isInstanceOfSatisfying(BrazeProfile.Found.class,
                f -> assertThat(f.user().path("first_name").asText()).isEqualTo("Ana"));
        assertThat(again).isEqualTo(first);
        assertThat(braze.taken()).hasSize(1);
        assertThat(braze.taken().getFirst().body()).isEqualTo(Json.parseStored(
                "{\"external_ids\":[\"cust-1\"],\"fields_to_export\":[\"first_name\"]}"));

        reader.profile("conv_2", ana, List.of("first_name"));
        reader.profile("conv_1", ana, List.of("first_name", "email"));
        assertThat(braze.taken()).as("another conversation or other fields ask again").hasSize(3);
    }

    @Test
    void anUnknownUserIsNotFoundAndFailuresAreNotKept() {
        assertThat(reader.profile("conv_1", new BrazeIdentifier.ExternalId("nobody"), List.of()))
                .isEqualTo(new BrazeProfile.NotFound());
        assertThat(braze.taken().getFirst().body().path("fields_to_export")).hasSize(BrazeReader.DEFAULT_FIELDS.size());

        braze.down();
        BrazeIdentifier email = new BrazeIdentifier.Email("ana@example.com");
        assertThat(reader.profile("conv_1", email, List.of("email"))).isInstanceOfSatisfying(
                BrazeProfile.Failed.class, f -> assertThat(f.reason()).startsWith("Braze did not answer"));
        braze.up();
        assertThat(reader.profile("conv_1", email, List.of("email"))).isEqualTo(new BrazeProfile.NotFound());
        assertThat(braze.taken().getLast().body().path("email_address").asText()).isEqualTo("ana@example.com");
    }

    @Test
    void badLookupsFailWithTheReasonWithoutAskingBraze() {
        assertThat(reader.profile("conv_1", new BrazeIdentifier.ExternalId("cust-1"), List.of("shoe_size")))
                .isInstanceOfSatisfying(BrazeProfile.Failed.class, f -> assertThat(f.reason())
                        .startsWith("fields_to_export: 'shoe_size' is not a field Braze exports"));
        assertThat(reader.profile("conv_1", new BrazeIdentifier.Phone(" "), List.of()))
                .isInstanceOf(BrazeProfile.Failed.class);
        assertThat(new BrazeReader(Optional.empty()).profile("conv_1", new BrazeIdentifier.ExternalId("x"), List.of()))
                .isInstanceOfSatisfying(BrazeProfile.Failed.class, f -> assertThat(f.reason())
                        .startsWith("Braze is not configured"));
        assertThat(braze.received()).isZero();
    }
}
