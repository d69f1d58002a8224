package dev.parley.flow.action;

import dev.parley.media.AddressGuard;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One redirect the {@code http} and {@code remote} actions were answered with: whether it may be
 * followed and the request that follows it. A hop within the origin of the first request is followed
 * as that was; a hop to another origin must pass the {@link AddressGuard} and leaves the credentials
 * behind; {@code https} never leads to {@code http}.
 */
final class RedirectHop {
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

    /** What to do with a redirect. */
    sealed interface Next permits Follow, Refused, TimedOut {}

    record Follow(HttpRequest request) implements Next {}

    /** {@code cause} names the hop and why it is refused. */
    record Refused(String cause) implements Next {}

    /** No time is left for another request. */
    record TimedOut() implements Next {}

    private RedirectHop() {}

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static Next next(HttpRequest first, HttpRequest current, int status, String location, AddressGuard guard,
            Duration left) {
        URI next;
        try {
            next = current.uri().resolve(location.strip());
        } catch (IllegalArgumentException e) {
            return new Refused(HttpCall.where(current.uri()) + " redirected to an invalid URL");
        }
        if (current.uri().getScheme().equalsIgnoreCase("https") && !"https".equalsIgnoreCase(next.getScheme())) {
            return new Refused(HttpCall.where(current.uri()) + " redirected from https to " + HttpCall.display(next)
                    + ", which is refused");
        }
        boolean sameOrigin = origin(next).equals(origin(first.uri()));
        Optional<String> refused = sameOrigin ? Optional.empty() : guard.refusal(next);
        if (refused.isPresent()) {
            return new Refused(HttpCall.where(current.uri()) + " redirected to " + HttpCall.display(next)
                    + ", which is refused: " + refused.get());
        }
        if (left.compareTo(Duration.ofMillis(1)) < 0) {
            return new TimedOut();
        }
        return new Follow(follow(current, status, next, sameOrigin, left));
    }

    /** 307 and 308 repeat the request; the others repeat a GET or HEAD and turn anything else into a GET. */
    private static HttpRequest follow(HttpRequest from, int status, URI next, boolean sameOrigin, Duration timeout) {
        boolean repeated = status == 307 || status == 308 || from.method().equals("GET")
                || from.method().equals("HEAD");
        HttpRequest.Builder builder = HttpRequest.newBuilder(from, (name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return (sameOrigin || !CREDENTIALS.contains(lower)) && (repeated || !lower.equals("content-type"));
        }).uri(next).timeout(timeout);
        if (!repeated) {
            builder.GET();
        }
        return builder.build();
    }

    private static String origin(URI uri) {
        return String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT) + "://"
                + HttpCall.where(uri).toLowerCase(Locale.ROOT);
    }
}
