package dev.parley.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks admin API bodies with exactly the rules of {@code parley.yml}: the body becomes the one entry
 * of a workspace document (next to the workspace's groups and the file's skills) that the config
 * loader validates. Its errors become {@code 400 invalid_field} with the path inside the body.
 */
final class AdminInput {
    /** Every non-ASCII character and DEL escaped, so the JSON text is also YAML with the same values. */
    private static final ObjectWriter YAML_SAFE = Json.MAPPER.writerWithDefaultPrettyPrinter()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII).with(new YamlSafeEscapes());

    private final List<String> skills;

    AdminInput(List<String> skills) {
        this.skills = List.copyOf(skills);
    }

    /**
     * The workspace {@code list} ({@code bots}, {@code operators}…) holding only {@code entry}, checked
     * against the groups named in {@code groups}.
     */
    ParleyConfig parse(String list, ObjectNode entry, Collection<String> groups) {
        ObjectNode doc = Json.object();
        if (!list.equals("groups")) {
            ArrayNode known = doc.putArray("groups");
            groups.forEach(id -> known.addObject().put("id", id).put("name", id));
            ArrayNode skillList = doc.putArray("skills");
            skills.forEach(skillList::add);
        }
        doc.putArray(list).add(literal(entry));
        try {
            return ConfigLoader.parse(YAML_SAFE.writeValueAsString(doc), "request", Map.of());
        } catch (ConfigException e) {
            throw invalid(relative(e.path(), list + "[0]"), e.detail());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot fail to serialize", e);
        }
    }

    /** {@code entry} as YAML text that reads back with the same values, for a reader that substitutes nothing. */
    static String yaml(ObjectNode entry) {
        try {
            return YAML_SAFE.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot fail to serialize", e);
        }
    }

    /** Refuses keys the API does not take, such as secrets set by their own calls. */
    static void refuse(ObjectNode body, Map<String, String> keysAndReasons) {
        keysAndReasons.forEach((key, reason) -> {
            if (body.has(key)) {
                throw invalid(key, reason);
            }
        });
    }

    /** Refuses bare numbers for durations: unlike parley.yml, the API wants the unit written ("10s"). */
    static void requireDurationText(ObjectNode body, String... paths) {
        for (String path : paths) {
            JsonNode node = body;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            if (node.isNumber()) {
                throw invalid(path, "durations are strings with a unit, such as \"500ms\", \"30s\", \"10m\" or"
                        + " \"1h30m\"; got the number " + node.asText());
            }
        }
    }

    /** {@code changes} laid over {@code stored}: keys sent replace the stored ones, others stay. */
    static ObjectNode merged(ObjectNode stored, ObjectNode changes) {
        ObjectNode out = stored.deepCopy();
        changes.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    /** The body without the keys answers show but requests do not set; {@code id} must be {@code id} if sent. */
    static ObjectNode withoutReadOnly(ObjectNode body, String id, List<String> readOnly) {
        JsonNode sent = body.get("id");
        if (sent != null && !sent.isNull() && !sent.asText().equals(id)) {
            throw invalid("id", "ids cannot change: the path names '" + id + "' but the body '" + sent.asText()
                    + "'; create a new object and delete this one instead");
        }
        return stripped(body, readOnly).put("id", id);
    }

    /** The body without the keys answers show but requests do not set. */
    static ObjectNode stripped(ObjectNode body, List<String> readOnly) {
        ObjectNode out = body.deepCopy();
        out.remove(readOnly);
        return out;
    }

    static ClientError taken(String what, String id) {
        return ClientError.conflict("already_exists", "a " + what + " with id '" + id + "' exists already");
    }

    static ClientError invalid(String path, String rule) {
        String message = path.isEmpty() ? rule : path + ": " + rule;
        return path.isEmpty() ? ClientError.badRequest("invalid_field", message)
                : ClientError.badRequest("invalid_field", message, path);
    }

    private static String relative(String path, String prefix) {
        if (path.equals(prefix)) {
            return "";
        }
        return path.startsWith(prefix + ".") ? path.substring(prefix.length() + 1) : path;
    }

    /** A copy in which no value is read as a {@code ${VARIABLE}} reference ({@code $$} stands for {@code $}). */
    private static JsonNode literal(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.asText().replace("${", "$${"));
        }
        if (node instanceof ObjectNode o) {
            ObjectNode out = Json.object();
            o.properties().forEach(e -> out.set(e.getKey(), literal(e.getValue())));
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = Json.array();
            a.forEach(item -> out.add(literal(item)));
            return out;
        }
        return node;
    }

    /** JSON's escapes plus DEL, which YAML does not allow unescaped. */
    private static final class YamlSafeEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        YamlSafeEscapes() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Jackson's contract for "no custom sequence": every character above is a standard escape
            return null;
        }
    }
}
