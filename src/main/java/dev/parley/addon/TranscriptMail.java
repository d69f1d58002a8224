package dev.parley.addon;

import dev.parley.mail.HtmlText;
import java.util.List;

/** A transcript e-mail: subject, a plain text part and an HTML part (every value escaped). */
record TranscriptMail(String subject, String text, String html) {

    /** The mail for the contact ({@code forContact}) or for an operator. */
    static TranscriptMail of(EndedConversation conversation, boolean forContact) {
        String subject = forContact ? "Your conversation with " + conversation.widgetName()
                : "Conversation with " + conversation.contact().name().orElse("a contact") + " on "
                        + conversation.widgetName();
        String intro = (forContact ? "Here is your conversation with " + conversation.widgetName()
                : "The transcript of conversation " + conversation.conversation().id() + " on "
                        + conversation.widgetName())
                + ", which ended " + TranscriptLine.TIME.format(conversation.endedAt()) + ".";
        String contact = forContact ? "You" : conversation.contact().name().orElse("Contact");
        List<TranscriptLine> lines = conversation.transcript().stream()
                .map(item -> TranscriptLine.of(item, contact)).toList();
        return new TranscriptMail(subject, text(intro, lines), html(subject, intro, lines));
    }

    private static String text(String intro, List<TranscriptLine> lines) {
        StringBuilder out = new StringBuilder(intro).append("\n\n");
        for (TranscriptLine line : lines) {
            out.append('[').append(line.time()).append("] ").append(line.who()).append(":\n")
                    .append(line.text().indent(2)).append('\n');
        }
        return out.toString();
    }

    private static String html(String subject, String intro, List<TranscriptLine> lines) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(HtmlText.escape(subject))
                .append("</title></head>\n<body style=\"font-family: sans-serif\">\n<p>")
                .append(HtmlText.escape(intro)).append("</p>\n");
        for (TranscriptLine line : lines) {
            out.append("<p><small style=\"color: #666\">").append(HtmlText.escape(line.time()))
                    .append("</small><br>\n<b>")
                    .append(HtmlText.escape(line.who())).append(":</b> ")
                    .append(HtmlText.escape(line.text()).replace("\n", "<br>\n")).append("</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }
}
