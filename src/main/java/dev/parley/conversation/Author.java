package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.util.Locale;
import java.util.Optional;

/** Who added an item to a timeline. */
public record Author(Type type, Optional<String> id, Optional<String> name) {

    /** The kinds of authors. */
    public enum Type {
        CONTACT, BOT, OPERATOR, SYSTEM;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type fromWire(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public static Author system() {
        return new Author(Type.SYSTEM, Optional.empty(), Optional.empty());
    }

    public static Author contact(String contactId, Optional<String> name) {
        return new Author(Type.CONTACT, Optional.of(contactId), name);
    }

    public static Author bot(String botId, String name) {
        return new Author(Type.BOT, Optional.of(botId), Optional.of(name));
    }

    public static Author operator(String operatorId, String name) {
        return new Author(Type.OPERATOR, Optional.of(operatorId), Optional.of(name));
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("type", type.wire());
        n.put("id", id.orElse(null));
        n.put("name", name.orElse(null));
        return n;
    }
}
