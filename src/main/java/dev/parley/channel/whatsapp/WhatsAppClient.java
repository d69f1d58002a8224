package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.meta.GraphError;
import dev.parley.channel.meta.GraphHttp;
import dev.parley.channel.meta.GraphOutcome;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The WhatsApp Cloud API for one business number: {@code POST {api_base_url}/{phone_number_id}/messages} with
 * the access token as bearer, answered with the message's {@code wamid}, and media download ({@code GET
 * /{media-id}}, then the URL it returns, with the same token).
 */
public final class WhatsAppClient {
    private final GraphHttp graph;
    private final String phoneNumberId;

    public WhatsAppClient(String apiBaseUrl, String phoneNumberId, String accessToken, Duration timeout) {
        this.graph = new GraphHttp(apiBaseUrl, accessToken, timeout);
        this.phoneNumberId = phoneNumberId;
    }

    /** Sends one request built by {@link WhatsAppRequests}; done with the {@code wamid} Meta gave the message. */
    public GraphOutcome<String> send(ObjectNode request) {
        return graph.post("/" + phoneNumberId + "/messages", request, WhatsAppClient::messageId);
    }

    /** A file a user sent: its bytes and what Meta says of it. */
    public record MediaFile(byte[] bytes, String mimeType, Optional<String> sha256) {}

    /** Downloads the media {@code mediaId} of an inbound message; a file whose SHA-256 differs is retried. */
    public GraphOutcome<MediaFile> download(String mediaId) {
        GraphOutcome<JsonNode> described = graph.get("/" + URLEncoder.encode(mediaId, StandardCharsets.UTF_8),
                WhatsAppClient::mediaInfo);
        return switch (described) {
            case GraphOutcome.Done<JsonNode> done -> fetch(done.value());
            case GraphOutcome.Retry<JsonNode> retry -> new GraphOutcome.Retry<>(retry.error());
            case GraphOutcome.Permanent<JsonNode> permanent -> new GraphOutcome.Permanent<>(permanent.error());
        };
    }

    private GraphOutcome<MediaFile> fetch(JsonNode info) {
        Optional<String> sha256 = Optional.of(info.path("sha256").asText("")).filter(s -> !s.isEmpty());
        String mime = info.path("mime_type").asText("application/octet-stream");
        return switch (graph.download(URI.create(info.path("url").asText()))) {
            case GraphOutcome.Done<byte[]> done -> sha256.isPresent() && !sha256.get().equalsIgnoreCase(sha(done.value()))
                    ? new GraphOutcome.Retry<>(GraphError.local("the downloaded file does not match its SHA-256"))
                    : new GraphOutcome.Done<>(new MediaFile(done.value(), mime, sha256));
            case GraphOutcome.Retry<byte[]> retry -> new GraphOutcome.Retry<>(retry.error());
            case GraphOutcome.Permanent<byte[]> permanent -> new GraphOutcome.Permanent<>(permanent.error());
        };
    }

    private static String messageId(JsonNode answer) {
        JsonNode id = answer.path("messages").path(0).path("id");
        if (!id.isTextual() || id.asText().isEmpty()) {
            throw new IllegalArgumentException("no messages[0].id in the answer");
        }
        return id.asText();
    }

    private static JsonNode mediaInfo(JsonNode answer) {
        String url = answer.path("url").asText("");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("no media url in the answer");
        }
        return answer;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
