package dev.parley.offline;

import dev.parley.addon.TranscriptLine;
import dev.parley.conversation.TimelineItem;
import dev.parley.mail.HtmlText;
import dev.parley.mail.Mail;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The e-mail that brings an operator's message to a visitor who left the chat: subject, text and HTML, in the
 * language the visitor read the widget in (texts from OfflineMail*.properties; English when there is none).
 */
record OfflineMail(String subject, String text, String html) {
    private static final String TEXTS = "dev.parley.offline.OfflineMail";
    // the JVM's own locale is no fallback: a server set up in German still writes English to a French visitor
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** {@code wanted}: language tags in order of preference (the widget's locale, then the visitor's browser). */
    static OfflineMail of(TimelineItem item, String widgetName, Optional<String> pageUrl, List<String> wanted) {
        ResourceBundle texts = texts(wanted);
        String who = item.author().name().orElse(widgetName);
        Map<String, String> names = Map.of("who", who, "widget", widgetName, "url", pageUrl.orElse(""));
        String subject = text(texts, "subject", names);
        String intro = text(texts, "intro", names);
        String body = TranscriptLine.of(item, texts.getString("you")).text();
        String outro = text(texts, pageUrl.isPresent() ? "outro.page" : "outro", names);
        String text = intro + "\n\n" + body.indent(2) + "\n" + outro + "\n";
        String html = "<!DOCTYPE html>\n<html lang=\"" + texts.getString("language") + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + HtmlText.escape(subject)
                + "</title></head>\n<body style=\"font-family: sans-serif\">\n<p>" + HtmlText.escape(intro)
                + "</p>\n<blockquote>" + HtmlText.escape(body).replace("\n", "<br>\n") + "</blockquote>\n<p>"
                + HtmlText.escape(outro) + "</p>\n</body></html>\n";
        return new OfflineMail(subject, text, html);
    }

    /** The texts of the first wanted language there are texts for, else English. */
    private static ResourceBundle texts(List<String> wanted) {
        for (String tag : wanted) {
            Locale locale = Locale.forLanguageTag(tag);
            ResourceBundle texts = ResourceBundle.getBundle(TEXTS, locale, CONTROL);
            if (texts.getString("language").equals(locale.getLanguage())) {
                return texts;
            }
        }
        return ResourceBundle.getBundle(TEXTS, Locale.ROOT, CONTROL);
    }

    private static String text(ResourceBundle texts, String key, Map<String, String> names) {
        String text = texts.getString(key);
        for (Map.Entry<String, String> name : names.entrySet()) {
            text = text.replace("{" + name.getKey() + "}", name.getValue());
        }
        return text;
    }

    /** The mail to {@code address}; {@code eventId} keeps its Message-ID the same on retries. */
    Mail to(String address, String eventId) {
        return new Mail(List.of(address), Optional.empty(), subject, text, Optional.of(html), Optional.of(eventId));
    }
}
