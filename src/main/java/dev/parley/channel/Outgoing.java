package dev.parley.channel;

import dev.parley.conversation.Author;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Which timeline items a messaging channel sends the contact: what bots, operators and flows show the contact
 * (texts, files, choices, links). What the contact did, and the timeline's own records, are not sent.
 */
public final class Outgoing {
    private Outgoing() {}

    /** Whether {@code item} leaves through the conversation's channel. */
    public static boolean sent(TimelineItem item) {
        return item.visibleToContact() && item.author().type() != Author.Type.CONTACT && sendable(item.packet());
    }

    static boolean sendable(Packet packet) {
        return switch (packet) {
            case ChatPacket.Message m -> true;
            case ChatPacket.Media m -> true;
            case ChatPacket.Template t -> true;
            case ChoicePacket c -> true;
            case ChatPacket.Start s -> false;
            case ChatPacket.Click c -> false;
            case ChatPacket.Location l -> false;
            case ChatPacket.ForwardFailed f -> false;
            case ChatPacket.CampaignUnsubscribe u -> false;
            case StatePacket s -> false;
            case Packet.Raw r -> false;
        };
    }

    /** The text of the link packets ({@code button}, {@code buttons}, {@code navigate}): labels with their URLs. */
    public static String links(ChoicePacket packet) {
        List<String> lines = new ArrayList<>();
        switch (packet) {
            case ChoicePacket.Button b -> {
                b.body().filter(t -> !t.isBlank()).ifPresent(lines::add);
                lines.add(b.label() + ": " + b.url());
            }
            case ChoicePacket.Buttons b -> {
                b.body().filter(t -> !t.isBlank()).ifPresent(lines::add);
                b.buttons().forEach(l -> lines.add(l.label() + ": " + l.url()));
            }
            case ChoicePacket.Navigate n -> lines.add(n.url());
            case ChoicePacket.Bubbles b -> throw new IllegalArgumentException("bubbles are a choice, not links");
            case ChoicePacket.Carousel c -> throw new IllegalArgumentException("a carousel is a choice, not links");
            case ChoicePacket.ButtonTemplate t -> throw new IllegalArgumentException("a template is a choice");
            case ChoicePacket.ListTemplate l -> throw new IllegalArgumentException("a list is a choice");
        }
        return String.join("\n", lines);
    }
}
