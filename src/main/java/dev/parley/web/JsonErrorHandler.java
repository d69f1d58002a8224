package dev.parley.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Errors Jetty answers itself (a malformed request line or path) get the same JSON error object. */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(JSON);
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return body(status, reason);
    }

    private static ByteBuffer body(int code, String message) {
        ObjectNode error = Json.object();
        error.putObject("error").put("code", code == 400 ? "bad_request" : "http_" + code)
                .put("message", "the request is malformed" + (message == null ? "" : ": " + message));
        return ByteBuffer.wrap(Json.write(error).getBytes(StandardCharsets.UTF_8));
    }
}
