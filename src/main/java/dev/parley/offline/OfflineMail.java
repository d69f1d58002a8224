package dev.parley.offline;

import dev.parley.addon.TranscriptLine;
import dev.parley.conversation.TimelineItem;
import dev.parley.mail.HtmlText;
import dev.parley.mail.Mail;
import java.util.List;
import java.util.Optional;

/** The e-mail that brings an operator's message to a visitor who left the chat: subject, text and HTML. */
record OfflineMail(String subject, String text, String html) {

    static OfflineMail of(TimelineItem item, String widgetName, Optional<String> pageUrl) {
        String who = item.author().name().orElse(widgetName);
        String subject = who + " answered you on " + widgetName;
        String intro = who + " answered while you were away:";
        String body = TranscriptLine.of(item, "You").text();
        String outro = pageUrl.map(url -> "Open the chat on " + url + " to answer.")
                .orElse("Open the chat on our website to answer.");
        String text = intro + "\n\n" + body.indent(2) + "\n" + outro + "\n";
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + HtmlText.escape(subject)
                + "</title></head>\n<body style=\"font-family: sans-serif\">\n<p>" + HtmlText.escape(intro)
                + "</p>\n<blockquote>" + HtmlText.escape(body).replace("\n", "<br>\n") + "</blockquote>\n<p>"
                + HtmlText.escape(outro) + "</p>\n</body></html>\n";
        return new OfflineMail(subject, text, html);
    }

    /** The mail to {@code address}; {@code eventId} keeps its Message-ID the same on retries. */
    Mail to(String address, String eventId) {
        return new Mail(List.of(address), Optional.empty(), subject, text, Optional.of(html), Optional.of(eventId));
    }
}
