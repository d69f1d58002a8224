package dev.parley.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.json.Json;
import dev.parley.testing.WebhookRecorder;
import java.util.Map;

/**
 * A bot that answers every incoming event with triggerable events, so one conversation walks through
 * the whole Chatbot API: display events at start and after a click, media both ways, a delay, a
 * forward that fails with feedback, an add-on dispatch and the end.
 */
final class ConformanceBot {
    private final String imageUrl;

    ConformanceBot(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    WebhookRecorder.Reply answer(Map<String, String> headers, String body) {
        JsonNode call = Json.parseStored(body);
        String cid = call.path("info").path("cid").asText();
        JsonNode payload = call.path("packet").path("payload");
        ArrayNode out = Json.array();
        switch (call.path("packet").path("name").asText()) {
            case "start" -> {
                add(out, cid, "message", "{\"body\":\"**Welcome** to the check\",\"text_format\":\"markdown_v1\"}");
                add(out, cid, "bubbles", "{\"body\":\"Pick\",\"fallback\":\"Pick one\",\"options\":"
                        + "[{\"id\":\"a\",\"label\":\"Alpha\"},{\"id\":\"b\",\"label\":\"Beta\"}]}");
                add(out, cid, "contact_update", "{\"name\":\"Conny\",\"custom_fields\":{\"tier\":\"gold\"}}");
                add(out, cid, "conversation_update", "{\"subject\":\"Conformance\",\"topics\":[\"api\"]}");
                add(out, cid, "note_create", "{\"body\":\"started the check\"}");
            }
            case "click" -> {
                add(out, cid, "carousel", "{\"fallback\":\"Cards\",\"options\":[{\"id\":\"c\",\"label\":\"Card\","
                        + "\"image_url\":\"https://img.example/c.png\"}]}");
                add(out, cid, "list_template", "{\"body\":\"List\",\"button\":\"Open\",\"fallback\":\"List\","
                        + "\"options\":[{\"id\":\"l\",\"label\":\"Row\",\"description\":\"first\"}]}");
                add(out, cid, "button_template", "{\"body\":\"Buttons\",\"fallback\":\"Buttons\","
                        + "\"options\":[{\"id\":\"x\",\"label\":\"X\"}]}");
                add(out, cid, "buttons", "{\"buttons\":[{\"label\":\"Docs\",\"url\":\"https://example.com/docs\"}]}");
                add(out, cid, "navigate", "{\"url\":\"https://example.com/next\"}");
            }
            case "media" -> add(out, cid, "message", Json.write(Json.object().put("body",
                    "got " + payload.path("mime_type").asText())));
            case "forward_failed" -> add(out, cid, "message", "{\"body\":\"nobody there\"}");
            case "message" -> onMessage(out, cid, payload.path("body").asText());
            default -> { }
        }
        return out.isEmpty() ? WebhookRecorder.Reply.empty() : WebhookRecorder.Reply.json(out);
    }

    private void onMessage(ArrayNode out, String cid, String text) {
        switch (text) {
            case "media" -> add(out, cid, "media", Json.write(Json.object().put("url", imageUrl)
                    .put("caption", "a pixel")));
            case "delay" -> {
                add(out, cid, "delay", "{\"seconds\":0.3}");
                add(out, cid, "message", "{\"body\":\"after delay\"}");
            }
            case "feedback" -> add(out, cid, "forward_group", "{\"group_id\":\"empty\",\"on_failure\":\"feedback\"}");
            case "bye" -> {
                add(out, cid, "addon_dispatch", "{\"type\":\"crm\"}");
                add(out, cid, "end", "{}");
            }
            default -> { }
        }
    }

    private static void add(ArrayNode out, String cid, String name, String payload) {
        var event = Json.object();
        event.putObject("info").put("cid", cid);
        event.putObject("packet").put("name", name).set("payload", Json.parseStored(payload));
        out.add(event);
    }
}
