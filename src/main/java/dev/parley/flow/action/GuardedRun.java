package dev.parley.flow.action;

import dev.parley.flow.spi.ActionNode;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ActionResult;
import dev.parley.metrics.LogContext;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one action on a virtual thread of its own and turns everything that can go wrong — an
 * exception, the deadline, a null result, data that is not JSON — into outcome {@code error}.
 */
final class GuardedRun {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedRun.class);

    private GuardedRun() {}

    static ActionOutcome run(ActionNode node, String name, ActionRequest request) {
        long started = System.nanoTime();
        Duration budget = request.remaining();
        if (budget.isZero()) {
            return ActionOutcome.failed(name, "not started: the deadline had already passed", Duration.ZERO);
        }
        FutureTask<ActionResult> task = new FutureTask<>(LogContext.carried(() -> node.run(request)));
        Thread.ofVirtual().name("action " + name + " " + request.node()).start(task);
        try {
            ActionResult result = task.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            if (result == null) {
                return ActionOutcome.failed(name, "the action returned null instead of a result", since(started));
            }
            ActionResult checked = new ActionResult(result.outcome(), JsonLike.copy(result.data()));
            return ActionOutcome.returned(name, checked, since(started));
        } catch (TimeoutException e) {
            task.cancel(true);
            return ActionOutcome.failed(name, "timed out after " + Durations.text(budget), since(started));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("Action {} of node {} failed", name, request.node(), cause);
            return ActionOutcome.failed(name, "the action failed: " + describe(cause), since(started));
        } catch (JsonLike.NotJsonLike e) {
            return ActionOutcome.failed(name, "the action's data is not JSON-like: " + e.getMessage(), since(started));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return ActionOutcome.failed(name, "interrupted: Parley is stopping", since(started));
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message.strip();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
