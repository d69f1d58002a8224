package dev.parley.chatbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.parley.auth.Secrets;
import dev.parley.json.Json;
import dev.parley.routing.Bot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in webhook bodies: the bot's webhook header values and signing secret wherever they
 * appear, its API token (kept only as a digest, so recognised by hashing every 64-hex-digit word), and
 * the values of JSON keys named like a secret. Bodies that are not JSON (or were cut) are masked as
 * text, secret-named keys included. The delivery log masks before it stores, so a secret rotated away
 * never shows later, and again when it shows a row (rows stored before a secret was set).
 */
public final class DeliveryMasking {
    /** What a masked secret reads as. */
    public static final String MASK = "••••";

    /** Shorter header values ("1", "de") are too common to be hidden everywhere without garbling the log. */
    private static final int MIN_LITERAL = 4;
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|token|secret|api[_-]?key).*");
    private static final Pattern HEX_WORD = Pattern.compile("(?<![0-9A-Za-z])[0-9a-f]{64}(?![0-9A-Za-z])");
    private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";
    /** A key and its scalar value; a string value may be cut off by the end of a shortened body. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(" + STRING + ")(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\z)|-?\\d[\\d.eE+-]*|true|false)");

    private final List<String> literals;
    private final Optional<String> tokenHash;

    private DeliveryMasking(List<String> literals, Optional<String> tokenHash) {
        this.literals = literals;
        this.tokenHash = tokenHash;
    }

    public static DeliveryMasking of(Bot bot) {
        List<String> literals = new ArrayList<>();
        bot.webhookHeaders().values().forEach(literals::add);
        bot.signingSecret().ifPresent(literals::add);
        List<String> withEscapes = new ArrayList<>(literals);
        literals.forEach(s -> {
            String quoted = Json.write(s);
            withEscapes.add(quoted.substring(1, quoted.length() - 1));
        });
        return new DeliveryMasking(withEscapes.stream().filter(s -> s.length() >= MIN_LITERAL).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList(), bot.apiTokenHash());
    }

    public String mask(String body) {
        if (body.isBlank()) {
            return body;
        }
        try {
            return Json.write(tree(Json.MAPPER.readTree(body)));
        } catch (JsonProcessingException e) {
            return keyValues(text(body));
        }
    }

    /** Secrets in free text, such as an error message. */
    public String text(String text) {
        String out = text;
        for (String literal : literals) {
            out = out.replace(literal, MASK);
        }
        if (tokenHash.isEmpty()) {
            return out;
        }
        return HEX_WORD.matcher(out).replaceAll(m -> Secrets.matches(m.group(), tokenHash.get()) ? MASK
                : m.group());
    }

    private JsonNode tree(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode out = Json.object();
            o.properties().forEach(e -> out.set(e.getKey(), SECRET_KEY.matcher(e.getKey()).matches()
                    ? TextNode.valueOf(MASK) : tree(e.getValue())));
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = Json.array();
            a.forEach(item -> out.add(tree(item)));
            return out;
        }
        return node.isTextual() ? TextNode.valueOf(text(node.asText())) : node;
    }

    private static String keyValues(String text) {
        return KEY_VALUE.matcher(text).replaceAll(m -> SECRET_KEY.matcher(m.group(1)).matches()
                ? Matcher.quoteReplacement(m.group(1) + m.group(2) + "\"" + MASK + "\"")
                : Matcher.quoteReplacement(m.group()));
    }
}
