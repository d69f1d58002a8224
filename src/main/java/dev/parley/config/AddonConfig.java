package dev.parley.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An add-on from the {@code addons} list of {@code parley.yml}: an integration a bot dispatches with
 * {@code addon_dispatch}, run with the conversation once it has ended. One record per add-on type;
 * whoever runs add-ons switches over them, so a new type is a new record here and a new case there.
 */
public sealed interface AddonConfig {

    /** The name bots dispatch the add-on by, unique in the file. */
    String name();

    /**
     * POSTs the ended conversation to {@code url}.
     *
     * @param headers        added to every call; their values are treated as secrets
     * @param signingSecret  signs every call ({@code Parley-Signature}) when present
     * @param requestTimeout how long one call may take
     */
    record Webhook(String name, URI url, Map<String, String> headers, Optional<String> signingSecret,
            Duration requestTimeout) implements AddonConfig {

        public Webhook {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(signingSecret, "signingSecret");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }

        @Override
        public String toString() {
            return "Webhook[name=" + name + ", url=" + url + ", headers=" + Masked.values(headers)
                    + ", signingSecret=" + Masked.secret(signingSecret) + ", requestTimeout=" + requestTimeout + "]";
        }
    }

    /**
     * Sends a custom event and the contact's attributes to Braze (through the selected environment's
     * account), as a bot's or widget's {@code braze.after_conversation} rule does.
     */
    record Braze(String name, BrazeRetargeting rule) implements AddonConfig {

        public Braze {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(rule, "rule");
        }
    }
}
