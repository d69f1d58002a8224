package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code redis_url} in parley.yml and {@code PARLEY_REDIS_URL}: checked, located, the variable winning. */
class RedisUrlConfigTest {

    @Test
    void aRedisUrlIsReadFromTheFileAndResolvesVariables() {
        ParleyConfig config = ConfigLoader.parse("redis_url: ${REDIS:-redis://127.0.0.1:6379/2}\n", "parley.yml",
                Map.of());
        assertThat(config.redisUrl()).hasValue("redis://127.0.0.1:6379/2");
        assertThat(ConfigLoader.parse("groups: []\n", "parley.yml", Map.of()).redisUrl()).isEmpty();
    }

    @Test
    void anythingButARedisUrlIsRefusedAtItsLineWithoutThePassword() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                groups: [{ id: support, name: Support }]

                redis_url: http://:hunter2@cache.internal:6379
                """, "parley.yml", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("parley.yml:3: redis_url: 'http://***@cache.internal:6379' is not a Redis URL;"
                        + " write redis://host:port or rediss://host:port");
        assertThatThrownBy(() -> ConfigLoader.parse("redis_url: redis://\n", "parley.yml", Map.of()))
                .hasMessageStartingWith("parley.yml:1: redis_url: 'redis://' is not a Redis URL");
    }

    @Test
    void theVariableWinsOverTheFileAndIsCheckedToo() {
        assertThat(RedisUrl.effective(Map.of("PARLEY_REDIS_URL", " rediss://cache:6380 "),
                Optional.of("redis://file:6379"))).hasValue("rediss://cache:6380");
        assertThat(RedisUrl.effective(Map.of("PARLEY_REDIS_URL", ""), Optional.of("redis://file:6379")))
                .hasValue("redis://file:6379");
        assertThat(RedisUrl.effective(Map.of(), Optional.empty())).isEmpty();
        assertThatThrownBy(() -> RedisUrl.effective(Map.of("PARLEY_REDIS_URL", "cache:6379"), Optional.empty()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment: PARLEY_REDIS_URL: 'cache:6379' is not a Redis URL;"
                        + " write redis://host:port or rediss://host:port");
    }
}
