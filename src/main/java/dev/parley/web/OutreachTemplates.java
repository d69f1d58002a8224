package dev.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.ChatPacket;
import dev.parley.error.ClientError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code template} of an outreach on a WhatsApp channel: {@code name} and {@code language} of an approved
 * template, and {@code parameters}, the values of its body placeholders in order. Every refusal names the field.
 */
final class OutreachTemplates {
    /** WhatsApp template names: lower-case letters, digits and underscores, at most 512 characters. */
    private static final Pattern NAME = Pattern.compile("^[a-z0-9_]{1,512}$");
    /** Language codes as WhatsApp lists them: {@code en}, {@code en_US}, {@code zh_Hant_HK}. */
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(_[A-Za-z]{2,4}){0,2}$");
    static final int MAX_PARAMETERS = 20;
    static final int MAX_PARAMETER = 1024;

    private OutreachTemplates() {}

    static ChatPacket.Template template(ObjectNode node) {
        Fields f = new Fields(node, "template.");
        String name = f.requiredString("name", 1, 512);
        if (!NAME.matcher(name).matches()) {
            throw ClientError.badRequest("invalid_field", "template.name: '" + name + "' is not a WhatsApp template"
                    + " name (lower-case letters, digits and underscores)", "template.name");
        }
        String language = f.requiredString("language", 2, 16);
        if (!LANGUAGE.matcher(language).matches()) {
            throw ClientError.badRequest("invalid_field", "template.language: '" + language + "' is not a language"
                    + " code of WhatsApp templates (such as en, en_US, de)", "template.language");
        }
        return new ChatPacket.Template(name, language, parameters(node.get("parameters")));
    }

    private static List<String> parameters(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_PARAMETERS) {
            throw ClientError.badRequest("invalid_field", "template.parameters: must be an array of at most "
                    + MAX_PARAMETERS + " strings (the body placeholders' values, in order)", "template.parameters");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            String at = "template.parameters[" + i + "]";
            if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_PARAMETER) {
                throw ClientError.badRequest("invalid_field", at + ": must be a non-blank string of at most "
                        + MAX_PARAMETER + " characters", at);
            }
            values.add(v.asText());
        }
        return values;
    }
}
