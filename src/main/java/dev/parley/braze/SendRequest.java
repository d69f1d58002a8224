package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One recorded {@code /users/track} request that is still to be sent (or retried). */
record SendRequest(String id, ObjectNode body, int objects, int attempts, Instant nextAttemptAt) {}
