package dev.parley.flow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.flow.VariablePath;
import java.util.Map;

/**
 * What a running flow reads: the contact and conversation as the Chatbot API describes them, the
 * environment's params, the contact's page tags and the flow's own variables (which it also writes).
 */
final class FlowData {
    private final ObjectNode contact;
    private final ObjectNode conversation;
    private final ObjectNode env;
    private final ObjectNode variables;

    FlowData(ObjectNode contact, ObjectNode conversation, Map<String, String> env, ObjectNode variables) {
        this.contact = contact;
        this.conversation = conversation;
        this.env = dev.parley.json.Json.MAPPER.valueToTree(env);
        this.variables = variables;
    }

    /** The value at {@code path}; a {@link MissingNode} when there is none. */
    JsonNode read(VariablePath path) {
        JsonNode node = switch (path.root()) {
            case "contact" -> contact;
            case "conversation" -> conversation;
            case "env" -> env;
            case "page_tags" -> contact.path("page_tags");
            default -> variables.path(path.root());
        };
        for (String segment : path.segments().subList(1, path.segments().size())) {
            node = node.isArray() && segment.chars().allMatch(Character::isDigit)
                    ? node.path(Integer.parseInt(segment)) : node.path(segment);
        }
        return node;
    }

    void set(String variable, JsonNode value) {
        variables.set(variable, value);
    }

    /** The contact as the flow sees it now: a contact_update node changes it for the nodes after it. */
    ObjectNode contact() {
        return contact;
    }

    ObjectNode conversation() {
        return conversation;
    }

    ObjectNode variables() {
        return variables;
    }

    ObjectNode env() {
        return env;
    }
}
