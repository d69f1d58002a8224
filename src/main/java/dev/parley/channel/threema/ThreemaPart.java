package dev.parley.channel.threema;

import dev.parley.channel.Outgoing;
import dev.parley.channel.meta.MetaMarkup;
import dev.parley.channel.meta.Prompts;
import dev.parley.channel.TextSplit;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.StatePacket;
import java.util.List;
import java.util.Optional;

/**
 * One Threema message a packet is sent as (channels.md §2): texts in Threema's markup ({@code *bold*},
 * {@code _italic_}, {@code ~strike~}), at most {@link #TEXT_BYTES} UTF-8 bytes each (a longer one is split at
 * words), choices as the numbered text, links as text, and files as file messages in end-to-end mode (basic mode
 * sends only texts, so a file goes as its link).
 */
sealed interface ThreemaPart {
    /** The Gateway's limit of a text, in UTF-8 bytes. */
    int TEXT_BYTES = 3500;

    record Text(String text) implements ThreemaPart {}

    record File(String url, String mimeType, String filename, Optional<String> caption) implements ThreemaPart {}

    /** The parts {@code packet} is sent as; files as file messages when {@code files} (end-to-end mode). */
    static List<ThreemaPart> of(Packet packet, boolean files) {
        return switch (packet) {
            case ChatPacket.Message m -> texts(m.textFormat().filter("markdown_v1"::equals).isPresent()
                    ? markup(m.body()) : m.body());
            case ChatPacket.Media m -> files ? List.of(new File(m.url(), m.mimeType(), m.filename(),
                    m.caption().filter(c -> !c.isBlank())))
                    : texts(m.caption().filter(c -> !c.isBlank()).map(c -> c + "\n").orElse("") + m.url());
            case ChoicePacket.Carousel c -> texts(Prompts.carousel(c).numbered(ThreemaPart::markup));
            case ChoicePacket.Button b -> texts(Outgoing.links(b));
            case ChoicePacket.Buttons b -> texts(Outgoing.links(b));
            case ChoicePacket.Navigate n -> texts(Outgoing.links(n));
            case ChoicePacket c -> texts(Prompts.of(c).orElseThrow().numbered(ThreemaPart::markup));
            case ChatPacket.Template t -> notSent(t);
            case ChatPacket.Start s -> notSent(s);
            case ChatPacket.Click c -> notSent(c);
            case ChatPacket.Location l -> notSent(l);
            case ChatPacket.ForwardFailed f -> notSent(f);
            case ChatPacket.CampaignUnsubscribe u -> notSent(u);
            case StatePacket s -> notSent(s);
            case Packet.Raw r -> notSent(r);
        };
    }

    private static String markup(String markdown) {
        return MetaMarkup.render(markdown, MetaMarkup.Flavor.THREEMA);
    }

    private static List<ThreemaPart> texts(String text) {
        return TextSplit.atWords(text, TEXT_BYTES, TextSplit.Measure.UTF8_BYTES).stream()
                .<ThreemaPart>map(Text::new).toList();
    }

    private static List<ThreemaPart> notSent(Packet packet) {
        throw new IllegalArgumentException(packet.event() + " is not sent to contacts on Threema");
    }

    /** Whether {@code choice} shows as the numbered text: every choice with options does on Threema. */
    static boolean numbered(ChoicePacket choice) {
        return Prompts.of(choice).isPresent() || choice instanceof ChoicePacket.Carousel;
    }
}
