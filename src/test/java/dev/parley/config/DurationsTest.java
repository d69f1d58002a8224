package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "30s, PT30S",
            "10m, PT10M",
            "2h, PT2H",
            "1d, PT24H",
            "1h30m, PT1H30M",
            "45, PT45S",
            "0, PT0S",
            "' 15s ', PT15S"})
    void parsesUnitsAndPlainSeconds(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "-5s", "1.5h", "10 m", "10min", "2w", "PT10M", "1h 30m", "9999999999999d"})
    void rejectsOtherForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"request_timeout: 250ms, PT0.25S", "request_timeout: 90, PT1M30S"})
    void yamlNodesReadDurations(String yaml, String expected) {
        assertThat(YamlTree.parse(yaml, "t.yml").required("request_timeout").asDuration())
                .isEqualTo(Duration.parse(expected));
    }
}
