package dev.parley.braze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.testing.BrazeStandIn;
import dev.parley.testing.BrazeStandIn.Mode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How each kind of Braze answer maps to a {@link BrazeAnswer}. */
class BrazeClientTest {
    private final BrazeStandIn braze = BrazeStandIn.start("k3y");
    private final BrazeClient client = new BrazeClient(braze.url() + "/", "k3y", Duration.ofMillis(800));

    @AfterEach
    void stop() {
        braze.close();
    }

    private static ObjectNode body() {
        ObjectNode body = Json.object();
        body.putArray("attributes").addObject().put("external_id", "u1").put("first_name", "Ana");
        body.putArray("events").addObject().put("external_id", "u1").put("name", "chat")
                .put("time", "2024-05-01T14:03:22Z");
        return body;
    }

    @Test
    void aTakenRequestIsASuccessWithItsCountsSentAsJsonWithTheBearerKey() {
        BrazeAnswer answer = client.track(body());

        assertThat(answer).isInstanceOfSatisfying(BrazeAnswer.Success.class, s -> {
            assertThat(s.status()).isEqualTo(201);
            assertThat(s.processed()).isEqualTo(new BrazeAnswer.Processed(1, 1, 0));
            assertThat(s.errors()).isEmpty();
        });
        BrazeStandIn.Taken taken = braze.tracked().getFirst();
        assertThat(taken.headers()).containsEntry("authorization", "Bearer k3y")
                .containsEntry("content-type", "application/json");
        assertThat(taken.body()).isEqualTo(body());
    }

    @Test
    void nonFatalErrorsOfASuccessNameTheirObjects() {
        braze.mode(Mode.ACCEPT_WITH_ERRORS);

        BrazeAnswer answer = client.track(body());

        assertThat(answer).isInstanceOfSatisfying(BrazeAnswer.Success.class, s -> assertThat(s.errors())
                .extracting(BrazeAnswer.ItemError::describe)
                .containsExactly("attributes[0]: provided external_id is blacklisted and disallowed",
                        "events[0]: provided external_id is blacklisted and disallowed"));
    }

    @Test
    void fatalRefusalsAreRejectedWithBrazesMessageAndErrors() {
        braze.mode(Mode.BAD_REQUEST);
        assertThat(client.track(body())).isEqualTo(new BrazeAnswer.Rejected(400,
                "provided external_id is blacklisted and disallowed", java.util.List.of("the stand-in refuses every request")));

        braze.mode(Mode.ACCEPT);
        BrazeAnswer wrongKey = new BrazeClient(braze.url(), "other", Duration.ofSeconds(2)).track(body());
        assertThat(wrongKey).isInstanceOfSatisfying(BrazeAnswer.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.message()).startsWith("Invalid API key");
        });

        ObjectNode tooMany = Json.object();
        ArrayNode events = tooMany.putArray("events");
        ArrayNode attributes = tooMany.putArray("attributes");
        for (int i = 0; i < 40; i++) {
            events.addObject().put("external_id", "u" + i).put("name", "e").put("time", "2024-05-01T14:03:22Z");
            attributes.addObject().put("external_id", "u" + i).put("vip", true);
        }
        assertThat(client.track(tooMany)).as("75 objects across the arrays combined")
                .isInstanceOfSatisfying(BrazeAnswer.Rejected.class,
                        r -> assertThat(r.message()).isEqualTo("Max Input Length Exceeded"));
        assertThat(braze.tracked()).isEmpty();
    }

    @Test
    void objectsBrazeCannotUseAreMinorErrorsOfASuccessNamingTheirIndex() {
        ObjectNode body = Json.object();
        ArrayNode attributes = body.putArray("attributes");
        attributes.addObject().put("external_id", "u1").put("first_name", "Ana");
        attributes.addObject().put("first_name", "Ana").put("dob", "02/04/1990");
        attributes.addObject().put("external_id", "u2").put("bio", "x".repeat(256));
        body.putArray("purchases").addObject().put("external_id", "u1").put("product_id", "hat").put("currency", "XYZ")
                .put("price", 5).put("time", "2024-05-01T14:03:22Z");

        assertThat(client.track(body)).isInstanceOfSatisfying(BrazeAnswer.Success.class, s -> {
            assertThat(s.status()).isEqualTo(201);
            assertThat(s.processed()).isEqualTo(new BrazeAnswer.Processed(1, 0, 0));
            assertThat(s.errors()).extracting(BrazeAnswer.ItemError::describe).containsExactly(
                    "attributes[1]: 'external_id' or 'braze_id' or 'user_alias' or 'email' or 'phone' is required",
                    "attributes[2]: 'bio' is longer than 255 characters",
                    "purchases[0]: 'currency' must be an ISO 4217 alphabetic code, got \"XYZ\"");
        });
        assertThat(braze.user("u1")).hasValueSatisfying(u -> assertThat(u.path("first_name").asText()).isEqualTo("Ana"));
        assertThat(braze.user("u2")).isEmpty();
    }

    @Test
    void rateLimitingCarriesTheResetTime() {
        braze.mode(Mode.RATE_LIMITED);
        braze.resetIn(3);

        BrazeAnswer answer = client.track(body());

        assertThat(answer).isInstanceOfSatisfying(BrazeAnswer.RateLimited.class, r -> assertThat(r.reset())
                .hasValueSatisfying(reset -> assertThat(reset).isBetween(Instant.now().plusSeconds(1),
                        Instant.now().plusSeconds(4))));
    }

    @Test
    void serverErrorsHangsAndAClosedPortAreTold() {
        braze.mode(Mode.SERVER_ERROR);
        assertThat(client.track(body())).isEqualTo(new BrazeAnswer.ServerError(500, "Internal server error"));

        braze.mode(Mode.HANG);
        long started = System.nanoTime();
        assertThat(client.track(body())).isInstanceOfSatisfying(BrazeAnswer.NoAnswer.class,
                n -> assertThat(n.cause()).isEqualTo("no answer within 800 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        braze.mode(Mode.ACCEPT);
        braze.down();
        assertThat(client.track(body())).isInstanceOf(BrazeAnswer.NoAnswer.class);
        braze.up();
        assertThat(client.track(body())).isInstanceOf(BrazeAnswer.Success.class);
        assertThat(braze.tracked()).hasSize(1);
    }
}
