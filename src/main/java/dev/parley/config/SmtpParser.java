package dev.parley.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code smtp}: the mail server that e-mailed transcripts ({@code email_dispatch}) go through. */
final class SmtpParser {

    private static final List<String> KEYS = keys();

    private SmtpParser() {
    }

    static SmtpConfig parse(YamlNode node, Secrets secrets) {
        node.requireOnlyKeys(KEYS);
        Optional<String> username = secrets.resolve(node, "username");
        Optional<String> password = secrets.resolve(node, "password");
        if (username.isPresent() != password.isPresent()) {
            String missing = username.isPresent() ? "password" : "username";
            throw node.keyError(missing + "_env", "set both username and password for SMTP log-in, or neither");
        }
        return new SmtpConfig(host(node.required("host")),
                node.get("port").map(port -> port.asInt(1, 65535)).orElse(25),
                sender(node.required("from")),
                username,
                password,
                node.get("starttls").map(YamlNode::asBoolean).orElse(false));
    }

    private static String host(YamlNode node) {
        String host = ConfigValues.text(node);
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
            throw node.error(node.quoted() + " is not a host name");
        }
        return host;
    }

    /** An address such as {@code noreply@example.com} or {@code Parley <noreply@example.com>}. */
    private static String sender(YamlNode node) {
        String from = ConfigValues.text(node);
        if (!isAddress(from)) {
            throw node.error(node.quoted() + " is not an e-mail address (such as Parley <noreply@example.com>)");
        }
        return from;
    }

    private static boolean isAddress(String text) {
        try {
            return new InternetAddress(text, true).getAddress().indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("host", "port", "from", "starttls"));
        keys.addAll(Secrets.keys("username"));
        keys.addAll(Secrets.keys("password"));
        return List.copyOf(keys);
    }
}
