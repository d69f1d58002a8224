package dev.parley.flow;

import dev.parley.config.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What templates and conditions may read: the contact and conversation (the fields the Chatbot
 * API gives a bot), {@code env.*} (the environment's params), {@code page_tags.*} (the contact's
 * web page tags) and the flow's variables.
 */
final class Scope {

    static final List<String> ROOTS = List.of("contact", "conversation", "env", "page_tags");
    static final List<String> CONTACT_FIELDS = List.of("id", "name", "email", "mobile_number", "external_customer_id",
            "locale", "custom_fields", "campaigns", "created_at", "page_tags");
    static final List<String> CONVERSATION_FIELDS = List.of("id", "url", "subject", "topics", "locale",
            "custom_fields", "created_at", "contact_channel", "approach_mode");

    private final Set<String> variables;

    Scope(Set<String> variables) {
        this.variables = Set.copyOf(variables);
    }

    /** True when {@code name} cannot be a variable because it names something else. */
    static boolean isReserved(String name) {
        return ROOTS.contains(name) || ExpressionParser.KEYWORDS.contains(name);
    }

    /** What is wrong with reading {@code path}, if anything. */
    Optional<String> problem(VariablePath path) {
        List<String> segments = path.segments();
        String root = path.root();
        return switch (root) {
            case "contact" -> field(path, CONTACT_FIELDS);
            case "conversation" -> field(path, CONVERSATION_FIELDS);
            case "env", "page_tags" -> segments.size() > 1 ? Optional.empty()
                    : Optional.of("name a value under '" + root + "', as in " + root + ".orders_url");
            default -> variables.contains(root) ? Optional.empty() : Optional.of(unknownVariable(root));
        };
    }

    private static Optional<String> field(VariablePath path, List<String> fields) {
        String root = path.root();
        if (path.segments().size() == 1) {
            return Optional.of("name a field of '" + root + "', as in " + root + "." + fields.get(1));
        }
        String field = path.segments().get(1);
        if (fields.contains(field)) {
            return Optional.empty();
        }
        return Optional.of("'" + root + "' has no field '" + field + "'" + Suggestions.didYouMean(field, fields)
                + " (fields: " + String.join(", ", fields) + ")");
    }

    private String unknownVariable(String root) {
        List<String> known = new ArrayList<>(variables);
        known.addAll(ROOTS);
        return "unknown variable '" + root + "'" + Suggestions.closest(root, known)
                .map(match -> "; did you mean '" + match + "'?")
                .orElse(": variables come from save:, set: and the flow's variables: list; other values from contact.*,"
                        + " conversation.*, env.* and page_tags.*");
    }
}
