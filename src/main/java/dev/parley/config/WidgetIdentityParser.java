package dev.parley.config;

import java.util.Optional;

/** Reads the {@code identity} key of a widget: {@code { secret_env: NAME }} or {@code { secret_file: PATH }}. */
final class WidgetIdentityParser {

    private static final String SECRET = "secret";

    private final Secrets secrets;

    WidgetIdentityParser(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The widget's identity, if it has the key; a key without a value is an error, not "no identity". */
    Optional<WidgetIdentity> ofWidget(YamlNode widget) {
        return Optional.ofNullable(widget.entries().get("identity")).map(this::parse);
    }

    private WidgetIdentity parse(YamlNode node) {
        if (!node.isMapping()) {
            throw node.error("expected a mapping with " + SECRET + "_env or " + SECRET + "_file, got "
                    + (node.isNull() ? "nothing" : node.quoted()));
        }
        node.requireOnlyKeys(Secrets.keys(SECRET));
        String secret = secrets.resolve(node, SECRET).orElseThrow(() -> node.error("set " + SECRET + "_env (an"
                + " environment variable) or " + SECRET + "_file (a file) holding the key that signs visitors'"
                + " external ids"));
        if (secret.length() < WidgetIdentity.MIN_SECRET_LENGTH) {
            String key = node.entries().containsKey(SECRET + "_env") ? SECRET + "_env" : SECRET + "_file";
            throw node.keyError(key, "the secret has " + secret.length() + " characters; use at least "
                    + WidgetIdentity.MIN_SECRET_LENGTH + " random ones (such as the output of openssl rand -hex 32)");
        }
        return new WidgetIdentity(secret);
    }
}
