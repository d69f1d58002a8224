package dev.parley.config;

import dev.parley.conversation.PageTagName;
import java.util.List;
import java.util.Optional;

/** Reads the {@code braze.page_tags} key of a widget: {@code { identify_by, only, event }}, each optional. */
final class BrazePageTagsParser {

    private static final List<String> KEYS = List.of("identify_by", "only", "event");

    private BrazePageTagsParser() {
    }

    /** The widget's {@code braze.page_tags}, if set; the {@code braze} key's own keys are checked elsewhere. */
    static Optional<BrazePageTags> ofWidget(YamlNode widget) {
        return widget.get("braze").flatMap(braze -> braze.get("page_tags")).map(node -> {
            if (!node.isMapping()) {
                throw node.error("expected a mapping (identify_by, only, event), got " + node.quoted()
                        + "; write page_tags: {} to send every tag");
            }
            node.requireOnlyKeys(KEYS);
            BrazePageTags defaults = BrazePageTags.defaults();
            return new BrazePageTags(
                    node.get("identify_by").map(BrazeRetargetingParser::identifyBy).orElse(defaults.identifyBy()),
                    node.get("only").map(BrazePageTagsParser::only),
                    node.get("event").map(BrazeRetargetingParser::eventName));
        });
    }

    private static List<String> only(YamlNode node) {
        List<YamlNode> items = node.isList() ? node.items() : List.of(node);
        if (items.isEmpty()) {
            throw node.error("name at least one tag, or leave only out to send every tag");
        }
        Registry seen = new Registry("tag");
        return items.stream().map(item -> {
            String name = ConfigValues.text(item);
            if (!PageTagName.valid(name)) {
                throw item.error(item.quoted() + " is not a tag name (" + PageTagName.RULE + ")");
            }
            return seen.claim(item, name);
        }).toList();
    }
}
