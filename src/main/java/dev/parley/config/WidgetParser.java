package dev.parley.config;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** Reads the {@code widgets} list. */
final class WidgetParser {

    private static final List<String> KEYS = List.of(
            "id", "name", "group", "registration", "live_timeout", "service_hours", "chatbot_assignment", "braze",
            "identity", "phone_region", "locale");

    private final References references;
    private final WidgetIdentityParser identities;
    private final Registry ids = new Registry("widget id");

    WidgetParser(References references, Secrets secrets) {
        this.references = references;
        this.identities = new WidgetIdentityParser(secrets);
    }

    WidgetConfig parse(YamlNode node) {
        node.requireOnlyKeys(KEYS);
        return new WidgetConfig(ids.claimId(node.required("id")),
                ConfigValues.text(node.required("name")),
                references.group(node.required("group")),
                node.get("registration").map(YamlNode::asBoolean).orElse(false),
                node.get("live_timeout").map(ConfigValues::positiveDuration),
                node.get("service_hours").map(ServiceHoursParser::parse),
                node.get("chatbot_assignment").map(YamlNode::asBoolean).orElse(true),
                BrazeRetargetingParser.ofWidget(node),
                BrazePageTagsParser.ofWidget(node),
                identities.ofWidget(node),
                node.get("phone_region").map(WidgetParser::phoneRegion),
                node.get("locale").map(WidgetParser::locale));
    }

    private static String locale(YamlNode node) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(node.asString().strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw node.error(node.quoted() + " is not a language tag (BCP 47, such as en, de or de-AT)");
        }
    }

    static String phoneRegion(YamlNode node) {
        String region = node.asString().strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw node.error(node.quoted() + " is not a region with phone numbers (a two-letter ISO 3166 code such"
                    + " as DE, FR, US)");
        }
        return region;
    }
}
