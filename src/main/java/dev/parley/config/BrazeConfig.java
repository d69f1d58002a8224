package dev.parley.config;

import java.time.Duration;
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
 * @param batchSize the most objects each {@code /users/track} request carries (1..75): in all, or per array
 *                  when {@code batchLimitMode} is {@link BatchLimitMode#PER_ARRAY}
 * @param batchLimitMode whether Braze's limit counts attributes, events and purchases together (current
 *                  contracts) or each array on its own (legacy contracts)
 * @param deltaMemory how long a value Braze took is trusted to be Braze's current one, so that sending it
 *                  again is skipped
 * @param maxAttempts how many times a request Braze answers with 5xx is tried before it becomes a dead letter
 * @param exportsPerMinute the pace of {@code /users/export/ids} look-ups (Braze's limit for the account)
 * @param partner   sent as {@code partner} in {@code /users/track} bodies when set
 * @param outreachToken the token Braze sends in {@code Authorization: Bearer …} to the outreach webhook
 *                  (from {@code outreach_token_env} or {@code outreach_token_file}); empty when outreach is
 *                  not set up. Never shown by {@link #toString()}
 */
public record BrazeConfig(String url, String apiKey, int batchSize, Optional<String> partner,
        Optional<String> outreachToken, BatchLimitMode batchLimitMode, Duration deltaMemory, int maxAttempts,
        int exportsPerMinute) {

    /** How Braze counts the objects of one {@code /users/track} request against its limit. */
    public enum BatchLimitMode { COMBINED, PER_ARRAY }

    public static final Duration DEFAULT_DELTA_MEMORY = Duration.ofHours(24);
    public static final int DEFAULT_MAX_ATTEMPTS = 40;
    public static final int DEFAULT_EXPORTS_PER_MINUTE = 250;

    /** Braze's limit of a {@code /users/track} request. */
    public static final int MAX_BATCH_SIZE = 75;

    public BrazeConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(outreachToken, "outreachToken");
        Objects.requireNonNull(batchLimitMode, "batchLimitMode");
        Objects.requireNonNull(deltaMemory, "deltaMemory");
        if (exportsPerMinute < 1) {
            throw new IllegalArgumentException("exportsPerMinute must be at least 1, got " + exportsPerMinute);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
        }
    }

    /** An account with the default limit mode, delta memory and attempts. */
    public BrazeConfig(String url, String apiKey, int batchSize, Optional<String> partner,
            Optional<String> outreachToken) {
        this(url, apiKey, batchSize, partner, outreachToken, BatchLimitMode.COMBINED, DEFAULT_DELTA_MEMORY,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_EXPORTS_PER_MINUTE);
    }

    /** An account without an outreach token. */
    public BrazeConfig(String url, String apiKey, int batchSize, Optional<String> partner) {
        this(url, apiKey, batchSize, partner, Optional.empty());
    }

    @Override
    public String toString() {
        return "BrazeConfig[url=" + url + ", apiKey=" + (apiKey.isEmpty() ? "" : "****") + ", batchSize=" + batchSize
                + ", batchLimitMode=" + batchLimitMode + ", deltaMemory=" + deltaMemory + ", maxAttempts=" + maxAttempts
                + ", exportsPerMinute=" + exportsPerMinute
                + ", partner=" + partner
                + ", outreachToken=" + (outreachToken.isEmpty() ? "" : "****") + "]";
    }
}
