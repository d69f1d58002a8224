package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** A contact on the web channel, driving the contact API (platform spec §3) over real HTTP. */
public final class WebContact {
    private static final String BASE = "/api/web/v1";

    private final JsonHttp http;
    private final String baseUrl;
    private final String conversationId;
    private final String token;

    private WebContact(JsonHttp http, String baseUrl, String conversationId, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.conversationId = conversationId;
        this.token = token;
    }

    /** Opens a conversation on {@code widgetId} as a new contact. */
    public static WebContact open(JsonHttp http, String baseUrl, String widgetId) {
        HttpAnswer opened = http.post(baseUrl + BASE + "/widgets/" + widgetId + "/conversations", Map.of(),
                "{\"contact\": {}}");
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        JsonNode body = opened.json();
        return new WebContact(http, baseUrl, body.path("conversation_id").asText(),
                body.path("contact_token").asText());
    }

    /** The same contact and conversation, reached at another server address (e.g. after a restart). */
    public WebContact on(String otherBaseUrl) {
        return new WebContact(http, otherBaseUrl, conversationId, token);
    }

    /** A contact of an already opened conversation. */
    public static WebContact of(JsonHttp http, String baseUrl, String conversationId, String token) {
        return new WebContact(http, baseUrl, conversationId, token);
    }

    /** The same contact and conversation, talking to a server at another address (after a restart). */
    public WebContact at(String otherBaseUrl) {
        return new WebContact(http, otherBaseUrl, conversationId, token);
    }

    public String conversationId() {
        return conversationId;
    }

    public String token() {
        return token;
    }

    public Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token);
    }

    public String url(String suffix) {
        return baseUrl + BASE + "/conversations/" + conversationId + suffix;
    }

    public HttpAnswer write(String body) {
        return write(body, Optional.empty());
    }

    public HttpAnswer write(String body, Optional<String> clientId) {
        ObjectNode req = Json.object().put("body", body);
        clientId.ifPresent(id -> req.put("client_id", id));
        return http.post(url("/messages"), auth(), Json.write(req));
    }

    /** Writes and requires the 202 of a durably stored message. */
    public JsonNode say(String body) {
        HttpAnswer answer = write(body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        return answer.json();
    }

    public HttpAnswer click(String messageId, String optionId) {
        return http.post(url("/clicks"), auth(),
                Json.write(Json.object().put("message_id", messageId).put("option_id", optionId)));
    }

    /** Uploads a file as the widget's file input does ({@code multipart/form-data}, field {@code file}). */
    public HttpAnswer upload(String filename, String contentType, byte[] bytes) {
        String boundary = "----parley-contact-upload-3f9a";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url("/media"))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        auth().forEach(req::header);
        try {
            HttpResponse<String> res = http.client().send(req.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(res.statusCode(), res.headers(), res.body());
        } catch (IOException e) {
            throw new UncheckedIOException("upload to " + url("/media") + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every transcript item the contact sees, oldest first. */
    public List<JsonNode> transcript() {
        List<JsonNode> items = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpAnswer page = http.get(url("/messages?after=" + after), auth());
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            JsonNode list = page.json().path("items");
            if (list.isEmpty()) {
                return items;
            }
            list.forEach(items::add);
            after = page.json().path("last_seq").asLong();
        }
    }

    /** Waits until a transcript item matches, and returns the first that does. */
    public JsonNode awaitItem(String description, Predicate<JsonNode> match) {
        return await(description).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> transcript().stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Waits for a text message from the bot with exactly this body. */
    public JsonNode awaitBotMessage(String body) {
        return awaitItem("bot message '" + body + "'", Items.fromBot("message").and(Items.body(body)));
    }
}
