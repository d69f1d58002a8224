package dev.parley.flow.action;

import static dev.parley.flow.action.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.flow.spi.ActionNode;
import dev.parley.flow.spi.ActionParameter;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ActionResult;
import dev.parley.flow.spi.ParameterRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActionNodesTest {
    private final ActionNodes builtIns = ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.empty()));

    /** An action node made of a name and a body, for the cases below. */
    private record Node(String name, Body body) implements ActionNode {
        @Override
        public ActionResult run(ActionRequest request) throws Exception {
            return body.run(request);
        }
    }

    @FunctionalInterface
    private interface Body {
        ActionResult run(ActionRequest request) throws Exception;
    }

    private ActionOutcome run(Body body) {
        return run(body, Duration.ofSeconds(5));
    }

    private ActionOutcome run(Body body, Duration deadline) {
        return builtIns.withBuiltIn(new Node("test.node", body))
                .run("test.node", request(Map.of(), deadline, new Requests.Timeline()));
    }

    @Test
    void theBuiltInsAreNamedAndMoreCanBeAdded() {
        assertThat(builtIns.names()).containsExactly("email", "http", "remote");
        ActionNodes more = builtIns.withBuiltIn(new Node("braze.track", request -> ActionResult.success(Map.of())));
        assertThat(more.names()).containsExactly("braze.track", "email", "http", "remote");
        assertThat(builtIns.names()).as("withBuiltIn returns a new registry").doesNotContain("braze.track");
    }

    @Test
    void aNodeRunsOnlyWithParametersThatPassItsDeclaration() {
        List<Map<String, Object>> ran = new ArrayList<>();
        ActionNodes nodes = builtIns.withBuiltIn(new ActionNode() {
            @Override
            public String name() {
                return "test.greet";
            }

            @Override
            public ActionParameters parameters() {
                return ActionParameters.of(ActionParameter.required("name", ParameterRule.text()));
            }

            @Override
            public ActionResult run(ActionRequest request) {
                ran.add(request.params());
                return ActionResult.success(Map.of());
            }
        });

        ActionOutcome refused = nodes.run("test.greet", request(Map.of("nmae", "Ada")));

        assertThat(refused.cause()).contains("action 'test.greet' has no parameter 'nmae' (did you mean 'name'?)");
        assertThat(ran).isEmpty();
        assertThat(nodes.parameters().get("test.greet").parameters()).extracting(ActionParameter::name)
                .containsExactly("name");
        assertThat(nodes.run("test.greet", request(Map.of("name", "Ada"))).outcome()).isEqualTo("success");
        assertThat(ran).containsExactly(Map.of("name", "Ada"));
    }

    @Test
    void aNameTakenOrMalformedIsRefused() {
        assertThatThrownBy(() -> builtIns.withBuiltIn(new Node("http", request -> null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is named 'http', as is dev.parley.flow.action.HttpAction of Parley (built-in)");
        assertThatThrownBy(() -> builtIns.withBuiltIn(new Node("Braze Track", request -> null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a name is lower-case words of letters, digits, '_' or '-' joined by dots");
    }

    @Test
    void aParameterWithoutValueReachesTheActionAsNull() {
        Map<String, Object> params = new HashMap<>();
        params.put("note", null);
        ActionOutcome outcome = builtIns.withBuiltIn(new Node("test.node", r -> new ActionResult("success",
                        Map.of("has_note", r.params().containsKey("note"), "note_is_null", r.params().get("note") == null))))
                .run("test.node", request(params));

        assertThat(outcome.cause()).isEmpty();
        assertThat(outcome.outcome()).isEqualTo("success");
        assertThat(outcome.data()).isEqualTo(Map.of("has_note", true, "note_is_null", true));
    }

    @Test
    void whatTheActionReturnsIsTheOutcome() {
        ActionOutcome outcome = run(request -> new ActionResult("not_found", Map.of("order", request.variables()
                .get("order_id"))));

        assertThat(outcome.action()).isEqualTo("test.node");
        assertThat(outcome.outcome()).isEqualTo("not_found");
        assertThat(outcome.data()).isEqualTo(Map.of("order", "123456"));
        assertThat(outcome.cause()).isEmpty();
        assertThat(outcome.isError()).isFalse();
        assertThat(outcome.summary()).matches("test\\.node → not_found \\(\\d+ ms\\)");
    }

    @Test
    void aThrowingActionIsAnErrorWithTheExceptionsMessage() {
        ActionOutcome outcome = run(request -> {
            throw new IllegalStateException("the CRM is down");
        });

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause()).contains("the action failed: IllegalStateException: the CRM is down");
        assertThat(outcome.data()).isEqualTo(Map.of("error", outcome.cause().orElseThrow()));
        assertThat(outcome.summary()).endsWith(": the action failed: IllegalStateException: the CRM is down");
    }

    @Test
    void anErrorThrownIsCaughtToo() {
        ActionOutcome outcome = run(request -> {
            throw new NoClassDefFoundError("com/acme/Missing");
        });

        assertThat(outcome.cause()).contains("the action failed: NoClassDefFoundError: com/acme/Missing");
    }

    @Test
    void aNullResultIsAnError() {
        assertThat(run(request -> null).cause()).contains("the action returned null instead of a result");
    }

    @Test
    void dataThatIsNotJsonLikeIsAnErrorNamingThePath() {
        ActionOutcome outcome = run(request -> ActionResult.success(Map.of("order", Map.of("placed", new Date(0)))));

        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause()).contains("the action's data is not JSON-like: data.order.placed: a java.util.Date"
                + " is not a JSON value (text, number, true/false, null, list or map)");
        assertThat(run(request -> ActionResult.success(Map.of("ratio", Double.NaN))).cause())
                .contains("the action's data is not JSON-like: data.ratio: NaN is not a JSON number");
    }

    @Test
    void aCycleInTheDataIsAnErrorNotACrash() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);

        assertThat(run(request -> ActionResult.success(cyclic)).cause().orElseThrow())
                .contains("nested deeper than 64 levels (is it a cycle?)");
    }

    @Test
    void theDataIsCopiedSoTheActionCannotChangeItLater() {
        List<Object> items = new ArrayList<>(List.of("a"));
        ActionOutcome outcome = run(request -> ActionResult.success(Map.of("items", items)));
        items.add("b");

        assertThat(outcome.data()).isEqualTo(Map.of("items", List.of("a")));
        assertThatThrownBy(() -> outcome.data().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anErrorWithoutACauseSaysSo() {
        assertThat(run(request -> new ActionResult("error", Map.of())).cause())
                .contains("the action answered error without saying why");
        assertThat(run(request -> ActionResult.error("quota exceeded")).cause()).contains("quota exceeded");
    }

    @Test
    void aBlockedActionIsAbandonedAndInterruptedAtTheDeadline() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        long started = System.nanoTime();

        ActionOutcome outcome = run(request -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return ActionResult.success(Map.of());
        }, Duration.ofMillis(300));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(outcome.outcome()).isEqualTo("error");
        assertThat(outcome.cause().orElseThrow()).matches("timed out after (29\\d|300) ms");
        // the action never ends by itself: any answer at all is the deadline's; the upper bound leaves room for load
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        assertThat(outcome.took()).isBetween(Duration.ofMillis(250), took);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the action's thread is interrupted").isTrue();
    }

    @Test
    void anActionIgnoringInterruptsStillEndsAtTheDeadline() {
        CountDownLatch release = new CountDownLatch(1);
        long started = System.nanoTime();
        try {
            ActionOutcome outcome = run(request -> {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // this action ignores interrupts on purpose
                    }
                }
                return ActionResult.success(Map.of());
            }, Duration.ofMillis(200));

            assertThat(outcome.cause().orElseThrow()).startsWith("timed out after");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        } finally {
            release.countDown();
        }
    }

    @Test
    void aPassedDeadlineDoesNotStartTheAction() {
        ActionOutcome outcome = run(request -> {
            throw new AssertionError("must not run");
        }, Duration.ofSeconds(-1));

        assertThat(outcome.cause()).contains("not started: the deadline had already passed");
    }

    @Test
    void anUnknownActionIsAnError() {
        ActionOutcome outcome = builtIns.run("acme.nothing", request(Map.of()));

        assertThat(outcome.cause()).contains("unknown action 'acme.nothing'");
    }
}
