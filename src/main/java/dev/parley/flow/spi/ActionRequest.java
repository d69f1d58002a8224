package dev.parley.flow.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an action node gets for one run. Maps hold JSON-like values: {@code String},
 * {@code Number}, {@code Boolean}, {@code List}, {@code Map} and {@code null}; they are read-only.
 *
 * @param node         the id of the flow node that runs the action
 * @param params       the node's {@code with:} parameters, templates rendered
 * @param env          the active environment's parameters ({@code env.*} in templates), secrets excluded
 * @param envName      the active environment's name, e.g. {@code sandbox} or {@code prod}
 * @param variables    the flow's variables as they are before the action
 * @param contact      the contact, as the Chatbot API's {@code info.contact}
 * @param conversation the conversation, as the Chatbot API's {@code info.conversation}
 * @param log          writes lines into the conversation's timeline, visible to admins
 * @param deadline     when the run is abandoned; use {@link #remaining()} for client timeouts
 */
public record ActionRequest(String node, Map<String, Object> params, Map<String, String> env, String envName,
        Map<String, Object> variables, Map<String, Object> contact, Map<String, Object> conversation, ActionLog log,
        Instant deadline) {

    public ActionRequest {
        Objects.requireNonNull(node, "node");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params)); // values may be null
        env = Map.copyOf(env);
        Objects.requireNonNull(envName, "envName");
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** The time left until the deadline; zero once it has passed. */
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
