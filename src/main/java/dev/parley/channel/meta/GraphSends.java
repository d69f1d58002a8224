package dev.parley.channel.meta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.SendResult;
import dev.parley.channel.SentParts;
import java.util.List;
import java.util.function.Function;

/**
 * Sends the requests one packet rendered to (its parts), in order, and tells how it went as a {@link SendResult}.
 */
public final class GraphSends {
    private GraphSends() {}

    /**
     * Sends the requests after the {@code already} sent ones; stops at the first failure. The vendor id of the
     * first request is the packet's.
     */
    public static SendResult sendAll(List<ObjectNode> requests, SentParts already,
            Function<ObjectNode, GraphOutcome<String>> send) {
        SentParts sent = already;
        for (ObjectNode request : requests.subList(Math.min(already.count(), requests.size()), requests.size())) {
            switch (send.apply(request)) {
                case GraphOutcome.Done<String> done -> sent = sent.plus(done.value());
                case GraphOutcome.Retry<String> retry -> {
                    return new SendResult.Retry(describe(retry.error()), retry.retryAfter(), sent);
                }
                case GraphOutcome.Permanent<String> permanent -> {
                    return new SendResult.Permanent(String.valueOf(permanent.error().code()),
                            describe(permanent.error()));
                }
            }
        }
        return new SendResult.Sent(sent.firstVendorMessageId()
                .orElseThrow(() -> new IllegalArgumentException("nothing to send")));
    }

    /** Meta's message and, when it gives them, its details. */
    public static String describe(GraphError error) {
        String code = error.code() == GraphError.LOCAL_CODE ? "" : "(#" + error.code() + ") ";
        String message = error.message().startsWith("(#") ? error.message() : code + error.message();
        return error.details().filter(d -> !message.contains(d)).map(d -> message + ": " + d).orElse(message);
    }
}
