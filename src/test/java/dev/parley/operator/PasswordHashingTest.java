package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The tests hash with a cheaper Argon2id (src/test/resources/psw4j.properties); what Parley ships
 * must stay at OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane.
 */
class PasswordHashingTest {
    @Test
    void theShippedArgon2idCostIsOwaspsMinimum() throws IOException {
        Properties shipped = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/psw4j.properties"))) {
            shipped.load(in);
        }
        assertThat(shipped.getProperty("hash.argon2.type")).isEqualTo("id");
        assertThat(Integer.parseInt(shipped.getProperty("hash.argon2.memory"))).isGreaterThanOrEqualTo(19_456);
        assertThat(Integer.parseInt(shipped.getProperty("hash.argon2.iterations"))).isGreaterThanOrEqualTo(2);
        assertThat(shipped.getProperty("hash.argon2.parallelism")).isEqualTo("1");
    }
}
