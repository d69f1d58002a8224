package dev.parley.channel.messenger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.TextSplit;
import dev.parley.channel.meta.MetaMarkup;
import dev.parley.json.Json;
import java.util.List;

/**
 * The JSON bodies of the Send API ({@code POST /me/messages}) as a reply: {@code recipient.id} (the PSID),
 * {@code messaging_type: RESPONSE} and the {@code message}.
 */
public final class MessengerRequests {
    private MessengerRequests() {}

    /**
     * The request sending {@code message} to {@code psid}.
     *
     * @throws IllegalArgumentException naming every limit the message breaks; it is never sent to fail at Meta
     */
    public static ObjectNode request(String psid, MessengerMessage message) {
        List<String> problems = message.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        ObjectNode body = Json.object();
        body.putObject("recipient").put("id", psid);
        body.put("messaging_type", "RESPONSE");
        ObjectNode m = body.putObject("message");
        switch (message) {
            case MessengerMessage.Text text -> m.put("text", text.text());
            case MessengerMessage.ButtonTemplate template -> {
                ObjectNode payload = m.putObject("attachment").put("type", "template").putObject("payload")
                        .put("template_type", "button").put("text", template.text());
                ArrayNode buttons = payload.putArray("buttons");
                template.buttons().forEach(b -> buttons.addObject().put("type", "postback").put("title", b.title())
                        .put("payload", b.payload()));
            }
            case MessengerMessage.QuickReplies quick -> {
                m.put("text", quick.text());
                ArrayNode replies = m.putArray("quick_replies");
                quick.replies().forEach(r -> replies.addObject().put("content_type", "text").put("title", r.title())
                        .put("payload", r.payload()));
            }
            case MessengerMessage.Attachment file -> m.putObject("attachment").put("type", file.type())
                    .putObject("payload").put("url", file.url()).put("is_reusable", false);
        }
        return body;
    }

    /** {@code markdown} as Messenger markup, in messages under 2,000 characters cut at word boundaries. */
    public static List<ObjectNode> texts(String psid, String markdown) {
        return plainTexts(psid, MetaMarkup.render(markdown, MetaMarkup.Flavor.MESSENGER));
    }

    /** {@code text}, already in Messenger markup, in as many messages as it needs. */
    public static List<ObjectNode> plainTexts(String psid, String text) {
        return TextSplit.atWords(text, MessengerMessage.TEXT).stream()
                .map(part -> request(psid, new MessengerMessage.Text(part))).toList();
    }
}
