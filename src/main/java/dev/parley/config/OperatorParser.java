package dev.parley.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the {@code operators} list: human operators. */
final class OperatorParser {

    private static final List<String> KEYS = keys();

    private final References references;
    private final Secrets secrets;
    private final Registry ids = new Registry("operator id");
    private final Registry emails = new Registry("operator e-mail");

    OperatorParser(References references, Secrets secrets) {
        this.references = references;
        this.secrets = secrets;
    }

    OperatorConfig parse(YamlNode node) {
        node.requireOnlyKeys(KEYS);
        String id = ids.claimId(node.required("id"));
        YamlNode emailNode = node.required("email");
        String email = ConfigValues.email(emailNode);
        emails.claim(emailNode, email.toLowerCase(Locale.ROOT));
        return new OperatorConfig(id,
                ConfigValues.text(node.required("name")),
                email,
                references.group(node.required("group")),
                node.get("role").map(role -> role.asEnum(Role.class)).orElse(Role.AGENT),
                references.skillsOf(node),
                node.get("slots").map(ConfigValues::slots).orElse(5),
                secrets.resolve(node, "password"));
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("id", "name", "email", "group", "role", "skills", "slots"));
        keys.addAll(Secrets.keys("password"));
        return List.copyOf(keys);
    }
}
