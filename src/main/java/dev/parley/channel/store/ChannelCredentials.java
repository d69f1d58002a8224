package dev.parley.channel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Reads a channel credential from where it is kept: {@code x_env} (a variable) or {@code x_file} (a file). */
public final class ChannelCredentials {
    private ChannelCredentials() {}

    /** A credential that cannot be read now; the message names the key and never holds a secret. */
    public static final class Unreadable extends RuntimeException {
        private final String key;

        Unreadable(String key, String message) {
            super(key + ": " + message);
            this.key = key;
        }

        /** The key, such as {@code access_token_env}. */
        public String key() {
            return key;
        }
    }

    /** The credential's name: {@code access_token} for {@code access_token_env} or {@code access_token_file}. */
    public static String name(String key) {
        return key.replaceAll("_(env|file)$", "");
    }

    static String read(String key, String reference, Map<String, String> env) {
        if (key.endsWith("_env")) {
            String value = env.get(reference);
            if (value == null || value.isEmpty()) {
                throw new Unreadable(key, "environment variable " + reference + " is not set");
            }
            return value;
        }
        try {
            String value = Files.readString(Path.of(reference)).replaceAll("[\\r\\n]+$", "");
            if (value.isEmpty()) {
                throw new Unreadable(key, "secret file " + reference + " is empty");
            }
            return value;
        } catch (IOException | InvalidPathException e) {
            throw new Unreadable(key, "cannot read secret file " + reference + " (" + e.getClass().getSimpleName()
                    + ")");
        }
    }
}
