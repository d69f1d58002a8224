package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.GraphStandIn.Answer;
import dev.parley.channel.standin.GraphStandIn.Taken;
import dev.parley.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WhatsApp Cloud API on loopback for one business number: {@code POST /{phone-number-id}/messages} checked
 * as Meta checks it ({@code messaging_product}, {@code to}, the type's object, and every limit of text, reply
 * buttons, lists, media and templates: a break is Meta's 400 with code 131009 and the rule in
 * {@code error_data.details}), answered with a new {@code wamid}; {@code GET /{media-id}} and the media URL it
 * returns, for files added with {@link #addMedia}. A media message by {@code link} needs an absolute URL; Meta
 * documents "HTTP/HTTPS URLs" (not only https) and fetches the file itself, so the plain http loopback links of a
 * test Parley pass, and the tests fetch each link as Meta would to show that it serves the file.
 */
public final class WhatsAppStandIn implements AutoCloseable {
    private final String phoneNumberId;
    private final GraphStandIn graph;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();

    private WhatsAppStandIn(String phoneNumberId, String token) {
        this.phoneNumberId = phoneNumberId;
        this.graph = GraphStandIn.start(token, "whatsapp", this::route);
    }

    public static WhatsAppStandIn start(String phoneNumberId, String token) {
        return new WhatsAppStandIn(phoneNumberId, token);
    }

    public GraphStandIn graph() {
        return graph;
    }

    /** The message requests it accepted or refused, in order. */
    public List<JsonNode> messages() {
        return graph.taken().stream().filter(t -> t.path().endsWith("/messages")).map(Taken::body).toList();
    }

    /** A file users "sent", downloadable by {@code id}. */
    public void addMedia(String id, byte[] bytes) {
        media.put(id, bytes);
    }

    private Answer route(Taken request) {
        String prefix = "/v21.0/";
        if (request.method().equals("POST") && request.path().equals(prefix + phoneNumberId + "/messages")) {
            return send(request.body());
        }
        if (request.method().equals("GET") && request.path().startsWith(prefix + "media-files/")) {
            return Optional.ofNullable(media.get(request.path().substring((prefix + "media-files/").length())))
                    .map(bytes -> new Answer(200, bytes, "image/jpeg")).orElseGet(this::unknownObject);
        }
        if (request.method().equals("GET") && media.containsKey(request.path().substring(prefix.length()))) {
            String id = request.path().substring(prefix.length());
            ObjectNode info = Json.object().put("messaging_product", "whatsapp")
                    .put("url", graph.baseUrl() + "/media-files/" + id).put("mime_type", "image/jpeg")
                    .put("sha256", sha256(media.get(id))).put("file_size", media.get(id).length).put("id", id);
            return Answer.json(200, info);
        }
        return unknownObject();
    }

    private Answer unknownObject() {
        return graph.error(400, 100, "GraphMethodException", "Unsupported post request. Object does not exist",
                Optional.of(33));
    }

    private Answer send(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (!"whatsapp".equals(body.path("messaging_product").asText())) {
            return graph.error(400, 100, "OAuthException", "(#100) The parameter messaging_product is required.",
                    Optional.empty());
        }
        if (!body.path("to").asText().matches("\\+?\\d{6,15}")) {
            return graph.error(400, 100, "OAuthException", "(#100) Invalid parameter: to", Optional.empty());
        }
        String type = body.path("type").asText("text");
        JsonNode object = body.path(type);
        switch (type) {
            case "text" -> limit(problems, "text.body", object.path("body"), 1, 4096);
            case "interactive" -> WhatsAppInteractiveRules.check(object, problems);
            case "image", "video", "document", "audio", "sticker" -> media(type, object, problems);
            case "template" -> {
                limit(problems, "template.name", object.path("name"), 1, 512);
                limit(problems, "template.language.code", object.path("language").path("code"), 2, 16);
            }
            default -> problems.add("type: unknown message type " + type);
        }
        if (!problems.isEmpty()) {
            return graph.error(400, 131009, "OAuthException", "(#131009) Parameter value is not valid: "
                    + String.join("; ", problems), Optional.empty());
        }
        String wamid = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI" + ids.incrementAndGet();
        ObjectNode answer = Json.object().put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", body.path("to").asText())
                .put("wa_id", body.path("to").asText().replace("+", ""));
        answer.putArray("messages").addObject().put("id", wamid);
        return Answer.json(200, answer);
    }

    private static void media(String type, JsonNode object, List<String> problems) {
        if (object.has("id") == object.has("link")) {
            problems.add(type + ": exactly one of id and link");
        }
        if (object.has("link") && !object.path("link").asText().matches("https?://[^/\\s]+/\\S*")) {
            problems.add(type + ".link: must be an absolute HTTP or HTTPS URL");
        }
        if (object.has("caption") && (type.equals("audio") || type.equals("sticker"))) {
            problems.add(type + ".caption: not allowed");
        }
        if (object.has("caption")) {
            limit(problems, type + ".caption", object.path("caption"), 1, 1024);
        }
    }

    static void limit(List<String> problems, String field, JsonNode value, int min, int max) {
        if (!value.isTextual()) {
            problems.add(field + ": required");
            return;
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        if (length < min || length > max) {
            problems.add(field + " length invalid. Min length: " + min + ", Max length: " + max);
        }
    }

    static void unique(List<String> problems, String field, List<String> values) {
        Set<String> seen = new HashSet<>();
        values.stream().filter(v -> !seen.add(v)).findFirst().ifPresent(v -> problems.add(field + ": duplicate " + v));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
