package dev.parley.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/** Reads JSON request bodies with a size limit and precise errors. */
final class Bodies {
    private Bodies() {}

    static byte[] bytes(Context ctx, int maxBytes) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBytes) {
            throw tooLarge(body.length, maxBytes);
        }
        return body;
    }

    /** The body as a JSON object. */
    static ObjectNode object(Context ctx, int maxBytes) {
        byte[] body = bytes(ctx, maxBytes);
        if (body.length == 0) {
            throw ClientError.badRequest("invalid_json", "the body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ClientError.badRequest("invalid_json", Json.describe(e));
        } catch (IOException e) {
            throw ClientError.badRequest("invalid_json", "the body cannot be read as JSON");
        }
        if (!(node instanceof ObjectNode o)) {
            throw ClientError.badRequest("invalid_json", "the body must be a JSON object");
        }
        return o;
    }

    private static ClientError tooLarge(long size, int max) {
        return new ClientError(ClientError.Kind.TOO_LARGE, "body_too_large",
                "the body has " + size + " bytes; the limit is " + max + " bytes", Optional.empty(), Optional.empty());
    }
}
