package dev.parley.channel.meta;

/** What checking Meta's {@code X-Hub-Signature-256} header over a webhook's raw body found. */
public sealed interface SignatureCheck {

    /** The body was signed with the app secret: it may be parsed. */
    record Valid() implements SignatureCheck {}

    /** The request carried no {@code X-Hub-Signature-256} header. */
    record Missing() implements SignatureCheck {}

    /** The header is not {@code sha256=} followed by 64 hex digits; {@code detail} says what is wrong. */
    record Malformed(String detail) implements SignatureCheck {}

    /** A well-formed signature that the app secret does not produce for these bytes. */
    record Mismatch() implements SignatureCheck {}
}
