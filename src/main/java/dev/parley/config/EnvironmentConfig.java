package dev.parley.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code environments} in {@code parley.yml} ({@code sandbox}, {@code prod}, …): the values
 * flows read as {@code env.*} and the Braze account the environment talks to.
 *
 * @param name   the key under {@code environments}
 * @param params every scalar key of the entry except {@code braze}, as text, in file order
 * @param braze  the Braze REST account, when the entry has a {@code braze} key
 */
public record EnvironmentConfig(String name, Map<String, String> params, Optional<BrazeConfig> braze) {

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(braze, "braze");
    }
}
