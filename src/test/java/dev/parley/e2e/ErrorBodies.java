package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.HttpAnswer;
import java.util.List;

/** Checks the one error shape of every refusal: {@code {"error": {"code", "message"[, "path"]}}}. */
final class ErrorBodies {
    private ErrorBodies() {}

    static JsonNode assertError(HttpAnswer answer, int status, String code) {
        JsonNode error = assertError(answer, status);
        assertThat(error.path("code").asText()).as("%s", answer).isEqualTo(code);
        return error;
    }

    /** Status and shape, whatever the code. */
    static JsonNode assertError(HttpAnswer answer, int status) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("%s", answer).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = answer.json();
        assertThat(body.properties()).as("%s", answer).extracting(e -> e.getKey()).containsExactly("error");
        JsonNode error = body.path("error");
        List<String> keys = error.properties().stream().map(e -> e.getKey()).toList();
        assertThat(keys).as("%s", answer).contains("code", "message").isSubsetOf("code", "message", "path");
        assertThat(error.path("code").asText()).as("%s", answer).isNotBlank();
        assertThat(error.path("message").asText()).as("%s", answer).isNotBlank();
        return error;
    }

    /** Also requires {@code error.path} to point at the offending field. */
    static JsonNode assertError(HttpAnswer answer, int status, String code, String path) {
        JsonNode error = assertError(answer, status, code);
        assertThat(error.path("path").asText()).as("%s", answer).isEqualTo(path);
        return error;
    }
}
