package dev.parley.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what is sent to Braze after a conversation: the {@code braze} key of bots and widgets
 * ({@code braze: { after_conversation: { event, attributes, identify_by } }}, and a widget's
 * {@code page_tags} next to it, read by {@link BrazePageTagsParser}) and the same three keys on an add-on
 * of type {@code braze}.
 */
final class BrazeRetargetingParser {

    static final List<String> RULE_KEYS = List.of("event", "attributes", "identify_by");
    private static final int MAX_NAME = 255;
    private static final Pattern ATTRIBUTE = Pattern.compile("[^\\s.$][^\\s.]*");
    private static final List<String> IDENTIFIERS = List.of("external_id", "user_alias", "braze_id");

    private BrazeRetargetingParser() {
    }

    /** The {@code braze.after_conversation} rule of a bot. */
    static Optional<BrazeRetargeting> ofBot(YamlNode bot) {
        return bot.get("braze").flatMap(braze -> {
            braze.get("page_tags").ifPresent(tags -> {
                throw tags.error("page tags come from website widgets: set braze.page_tags on the widget instead");
            });
            return afterConversation(braze, List.of("after_conversation"));
        });
    }

    /** The {@code braze.after_conversation} rule of a widget. */
    static Optional<BrazeRetargeting> ofWidget(YamlNode widget) {
        return widget.get("braze").flatMap(braze -> afterConversation(braze, List.of("after_conversation",
                "page_tags")));
    }

    private static Optional<BrazeRetargeting> afterConversation(YamlNode braze, List<String> keys) {
        braze.requireOnlyKeys(keys);
        return braze.get("after_conversation").map(rule -> {
            if (!rule.isMapping()) {
                throw rule.error("expected a mapping (event, attributes, identify_by), got " + rule.quoted());
            }
            rule.requireOnlyKeys(RULE_KEYS);
            return rule(rule);
        });
    }

    /** The rule keys of {@code node}, each optional. */
    static BrazeRetargeting rule(YamlNode node) {
        BrazeRetargeting defaults = BrazeRetargeting.defaults();
        return new BrazeRetargeting(
                node.get("event").map(BrazeRetargetingParser::eventName).orElse(defaults.event()),
                node.get("attributes").map(BrazeRetargetingParser::attributes).orElse(defaults.attributes()),
                node.get("identify_by").map(BrazeRetargetingParser::identifyBy).orElse(defaults.identifyBy()));
    }

    /** A Braze custom event's name. */
    static String eventName(YamlNode node) {
        String name = ConfigValues.text(node);
        if (name.length() > MAX_NAME) {
            throw node.error("Braze event names have at most " + MAX_NAME + " characters, got " + name.length());
        }
        return name;
    }

    private static List<String> attributes(YamlNode node) {
        Registry seen = new Registry("attribute");
        return node.items().stream().map(item -> {
            String name = ConfigValues.text(item);
            if (name.length() > MAX_NAME || !ATTRIBUTE.matcher(name).matches()) {
                throw item.error(item.quoted() + " is not a Braze attribute name (up to " + MAX_NAME
                        + " characters without spaces or '.', not starting with '$')");
            }
            if (IDENTIFIERS.contains(name)) {
                throw item.error("'" + name + "' names the Braze user; choose it with identify_by instead");
            }
            return seen.claim(item, name);
        }).toList();
    }

    /** One identifier or a list of them, in order of preference. */
    static List<BrazeRetargeting.IdentifyBy> identifyBy(YamlNode node) {
        if (!node.isList()) {
            return List.of(node.asEnum(BrazeRetargeting.IdentifyBy.class));
        }
        List<YamlNode> items = node.items();
        if (items.isEmpty()) {
            throw node.error("name at least one of " + Scalars.enumNames(BrazeRetargeting.IdentifyBy.class));
        }
        Registry seen = new Registry("identifier");
        return items.stream().map(item -> {
            BrazeRetargeting.IdentifyBy by = item.asEnum(BrazeRetargeting.IdentifyBy.class);
            seen.claim(item, by.name());
            return by;
        }).toList();
    }
}
