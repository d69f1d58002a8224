package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import dev.parley.markdown.Markdown;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a conversation's ordered timeline, as the contact API and the stream show it;
 * {@code markdown_v1} texts come with their sanitized {@code html} so that clients never render
 * markup themselves.
 */
public record TimelineItem(String conversationId, long seq, String id, Instant at, Author author, Packet packet,
        boolean visibleToContact) {

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("seq", seq);
        n.put("id", id);
        n.put("at", at.toString());
        n.set("author", author.toJson());
        n.set("packet", PacketCodec.toJson(packet));
        markdownBody().ifPresent(body -> n.put("html", Markdown.toHtml(body)));
        return n;
    }

    /** The body of a packet written in {@code markdown_v1}. */
    private Optional<String> markdownBody() {
        return switch (packet) {
            case ChatPacket.Message m -> markdown(m.textFormat(), m.body());
            case ChoicePacket.Bubbles b -> b.body().flatMap(body -> markdown(b.textFormat(), body));
            case ChoicePacket.ButtonTemplate t -> markdown(t.textFormat(), t.body());
            case ChoicePacket.ListTemplate l -> markdown(l.textFormat(), l.body());
            case ChatPacket.Start s -> Optional.empty();
            case ChatPacket.Click c -> Optional.empty();
            case ChatPacket.Media m -> Optional.empty();
            case ChatPacket.Location l -> Optional.empty();
            case ChatPacket.ForwardFailed f -> Optional.empty();
            case ChatPacket.CampaignUnsubscribe u -> Optional.empty();
            case ChatPacket.Template t -> Optional.empty();
            case ChoicePacket.Carousel c -> Optional.empty();
            case ChoicePacket.Button b -> Optional.empty();
            case ChoicePacket.Buttons b -> Optional.empty();
            case ChoicePacket.Navigate nav -> Optional.empty();
            case StatePacket s -> Optional.empty();
            case Packet.Raw r -> Optional.empty();
        };
    }

    private static Optional<String> markdown(Optional<String> format, String body) {
        return format.filter("markdown_v1"::equals).map(f -> body);
    }
}
