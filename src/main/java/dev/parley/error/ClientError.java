package dev.parley.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A request that Parley refuses, with what the client must know to fix it. Thrown by the feature
 * packages; turned into an HTTP answer in one place ({@code web.ErrorMapping}).
 */
public final class ClientError extends RuntimeException {

    /** The refusal kinds and their HTTP status. */
    public enum Kind {
        BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413), UNPROCESSABLE(422),
        UNSUPPORTED_MEDIA(415), RATE_LIMITED(429), BAD_GATEWAY(502);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String code;
    private final Optional<String> path;
    private final Optional<Duration> retryAfter;

    public ClientError(Kind kind, String code, String message, Optional<String> path, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.path = path;
        this.retryAfter = retryAfter;
    }

    public static ClientError badRequest(String code, String message, String path) {
        return new ClientError(Kind.BAD_REQUEST, code, message, Optional.of(path), Optional.empty());
    }

    public static ClientError badRequest(String code, String message) {
        return new ClientError(Kind.BAD_REQUEST, code, message, Optional.empty(), Optional.empty());
    }

    public static ClientError notFound(String what, String id) {
        return new ClientError(Kind.NOT_FOUND, "not_found", "no " + what + " with id '" + id + "'", Optional.empty(),
                Optional.empty());
    }

    /** A well-formed request Parley cannot carry out as asked (422), naming the field. */
    public static ClientError unprocessable(String code, String message, String path) {
        return new ClientError(Kind.UNPROCESSABLE, code, message, Optional.of(path), Optional.empty());
    }

    public static ClientError unauthorized(String message) {
        return new ClientError(Kind.UNAUTHORIZED, "unauthorized", message, Optional.empty(), Optional.empty());
    }

    public static ClientError conflict(String code, String message) {
        return new ClientError(Kind.CONFLICT, code, message, Optional.empty(), Optional.empty());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Optional<String> path() {
        return path;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
