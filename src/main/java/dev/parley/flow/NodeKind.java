package dev.parley.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of node, each with the key that names it and the keys it takes. */
enum NodeKind {
    SAY("say", true, "", "next"),
    CHOICES("choices", true, "each option names the node that follows it", "render", "save", "on"),
    ASK("ask", false, "", "save", "validate", "retry", "on", "next"),
    ACTION("action", false, "", "with", "save", "on", "next"),
    BRANCH("if", false, "use else: for the node that follows when no case holds", "else"),
    SET("set", false, "", "next"),
    CONTACT_UPDATE("contact_update", false, "", "next"),
    CONVERSATION_UPDATE("conversation_update", false, "", "next"),
    NOTE("note", false, "", "next"),
    DELAY("delay", false, "", "typing", "next"),
    FORWARD("forward", true, "a forward finishes the flow; on: { forward_failed: … } names the node for a failed one",
            "on"),
    END("end", true, "an end node finishes the flow"),
    ABORT("abort", true, "an abort node finishes the flow"),
    JUMP("jump", true, "a jump continues in the other flow");

    private final String key;
    private final boolean carriesMessage;
    private final String withoutNext;
    private final List<String> keys;

    NodeKind(String key, boolean carriesMessage, String withoutNext, String... otherKeys) {
        this.key = key;
        this.carriesMessage = carriesMessage;
        this.withoutNext = withoutNext;
        List<String> all = new ArrayList<>();
        all.add(key);
        if (carriesMessage) {
            MessageParser.KEYS.stream().filter(messageKey -> !messageKey.equals(key)).forEach(all::add);
        }
        all.addAll(List.of(otherKeys));
        this.keys = List.copyOf(all);
    }

    /** "a say node", "an ask node". */
    String described() {
        return ("aeiou".indexOf(key.charAt(0)) >= 0 ? "an " : "a ") + key + " node";
    }

    /** The key that names this kind in a node. */
    String key() {
        return key;
    }

    /** Every key a node of this kind takes. */
    List<String> keys() {
        return keys;
    }

    boolean carriesMessage() {
        return carriesMessage;
    }

    /** Why this kind takes no {@code next}, for kinds that take none. */
    Optional<String> withoutNext() {
        return withoutNext.isEmpty() ? Optional.empty() : Optional.of(withoutNext);
    }

    /** The kind whose naming key is {@code key}; {@code say} only names a kind when no other key does. */
    static Optional<NodeKind> named(String key) {
        return Arrays.stream(values()).filter(kind -> kind != SAY && kind.key.equals(key)).findFirst();
    }

    /** The naming keys of all kinds. */
    static List<String> kindKeys() {
        return Arrays.stream(values()).map(NodeKind::key).toList();
    }
}
