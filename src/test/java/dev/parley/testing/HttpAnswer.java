package dev.parley.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** One HTTP answer as a test sees it: status, headers and the raw body. */
public record HttpAnswer(int status, HttpHeaders headers, String body) {

    /** The body as JSON; fails the test with the raw body when it is not JSON. */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("HTTP " + status + " body is not JSON: " + body, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + body;
    }
}
