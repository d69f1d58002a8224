package dev.parley.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The Braze REST account of an environment ({@code environments.<name>.braze}).
 *
 * @param url       the REST endpoint of the account's instance, such as {@code https://rest.iad-01.braze.com},
 *                  without a trailing slash
 * @param apiKey    the REST API key (from {@code api_key_env} or {@code api_key_file}); never shown by
 *                  {@link #toString()}. Empty for an environment other than the selected one whose key
 *                  is not available on this machine
 * @param batchSize the most attribute objects, events and purchases each {@code /users/track} request carries (1..75)
 * @param partner   sent as {@code partner} in {@code /users/track} bodies when set
 * @param outreachToken the token Braze sends in {@code Authorization: Bearer …} to the outreach webhook
 *                  (from {@code outreach_token_env} or {@code outreach_token_file}); empty when outreach is
 *                  not set up. Never shown by {@link #toString()}
 */
public record BrazeConfig(String url, String apiKey, int batchSize, Optional<String> partner,
        Optional<String> outreachToken) {

    /** Braze's limit per array of a {@code /users/track} request. */
    public static final int MAX_BATCH_SIZE = 75;

    public BrazeConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(outreachToken, "outreachToken");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
        }
    }

    /** An account without an outreach token. */
    public BrazeConfig(String url, String apiKey, int batchSize, Optional<String> partner) {
        this(url, apiKey, batchSize, partner, Optional.empty());
    }

    @Override
    public String toString() {
        return "BrazeConfig[url=" + url + ", apiKey=" + (apiKey.isEmpty() ? "" : "****") + ", batchSize=" + batchSize
                + ", partner=" + partner
                + ", outreachToken=" + (outreachToken.isEmpty() ? "" : "****") + "]";
    }
}
