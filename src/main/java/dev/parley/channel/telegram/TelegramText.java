package dev.parley.channel.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.TextSplit;
import dev.parley.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A text as the Bot API takes it: plain characters and formatting {@code entities} beside them (bold, italic,
 * links…), so nothing in the text needs escaping. Offsets and lengths are in UTF-16 code units, as Telegram counts
 * them (an emoji outside the Basic Multilingual Plane is 2), which is what Java's strings count too.
 */
public record TelegramText(String text, List<Entity> entities) {

    public TelegramText {
        Objects.requireNonNull(text, "text");
        entities = List.copyOf(entities);
    }

    /**
     * One MessageEntity: {@code type} such as {@code bold}, {@code italic}, {@code underline},
     * {@code strikethrough}, {@code code}, {@code pre}, {@code blockquote}, {@code text_link} (with {@code url}).
     */
    public record Entity(String type, int offset, int length, Optional<String> url) {
        public Entity {
            if (offset < 0 || length < 1) {
                throw new IllegalArgumentException("an entity covers at least one unit at a place in the text");
            }
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object().put("type", type).put("offset", offset).put("length", length);
            url.ifPresent(u -> json.put("url", u));
            return json;
        }
    }

    /** A text without formatting. */
    public static TelegramText plain(String text) {
        return new TelegramText(text.strip(), List.of());
    }

    /** Its length in UTF-16 code units, as Telegram's limits count. */
    public int length() {
        return text.length();
    }

    /**
     * The text cut at word boundaries into parts of at most {@code max} units (one part when it fits), each with
     * the entities that fall into it, cut to the part and counted from its start.
     */
    public List<TelegramText> parts(int max) {
        List<TelegramText> parts = new ArrayList<>();
        for (TextSplit.Span span : TextSplit.spans(text, max)) {
            List<Entity> inside = new ArrayList<>();
            for (Entity e : entities) {
                int start = Math.max(e.offset(), span.start());
                int end = Math.min(e.offset() + e.length(), span.end());
                if (end > start) {
                    inside.add(new Entity(e.type(), start - span.start(), end - start, e.url()));
                }
            }
            parts.add(new TelegramText(text.substring(span.start(), span.end()), inside));
        }
        return List.copyOf(parts);
    }

    /** The {@code entities} array of a request. */
    public ArrayNode entitiesJson() {
        ArrayNode array = Json.array();
        entities.forEach(e -> array.add(e.toJson()));
        return array;
    }
}
