package dev.parley.channel.sms;

import dev.parley.channel.Outgoing;
import dev.parley.channel.TextSplit;
import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.channel.meta.MetaMarkup;
import dev.parley.channel.meta.Prompts;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.StatePacket;
import java.util.List;
import java.util.Optional;

/**
 * Packets as SMS texts (channels.md §2): {@code markdown_v1} without its marks; a file as its caption and link
 * (SMS carries no files); every choice as the numbered text, a carousel's pictures as links; link buttons as
 * labels with their URLs. A text over Twilio's 1,600 characters is cut at words into several messages.
 */
final class SmsTexts {
    /** Twilio's limit of {@code Body}, in characters (counted here in UTF-16 units, never fewer). */
    static final int BODY = 1600;

    private SmsTexts() {}

    /** The bodies {@code packet} is sent as, in order; empty for a WhatsApp template, which SMS cannot send. */
    static Optional<List<String>> bodies(Packet packet) {
        return text(packet).map(text -> TextSplit.atWords(text, BODY));
    }

    private static Optional<String> text(Packet packet) {
        return switch (packet) {
            case ChatPacket.Message m -> Optional.of(m.textFormat().filter("markdown_v1"::equals).isPresent()
                    ? plain(m.body()) : m.body());
            case ChatPacket.Media m -> Optional.of(m.caption().filter(c -> !c.isBlank()).map(c -> c + "\n")
                    .orElse(m.filename() + ": ") + m.url());
            case ChatPacket.Template t -> Optional.empty();
            case ChoicePacket.Carousel c -> Optional.of(carousel(c).numbered(SmsTexts::plain));
            case ChoicePacket.Button b -> Optional.of(Outgoing.links(b));
            case ChoicePacket.Buttons b -> Optional.of(Outgoing.links(b));
            case ChoicePacket.Navigate n -> Optional.of(Outgoing.links(n));
            case ChoicePacket c -> Optional.of(Prompts.of(c).orElseThrow().numbered(SmsTexts::plain));
            case ChatPacket.Start s -> notSent(s);
            case ChatPacket.Click c -> notSent(c);
            case ChatPacket.Location l -> notSent(l);
            case ChatPacket.ForwardFailed f -> notSent(f);
            case ChatPacket.CampaignUnsubscribe u -> notSent(u);
            case StatePacket s -> notSent(s);
            case Packet.Raw r -> notSent(r);
        };
    }

    /** {@code markdown_v1} as plain text: words, links as {@code text (url)}, list and quote lines. */
    static String plain(String markdown) {
        return MetaMarkup.render(markdown, MetaMarkup.Flavor.PLAIN);
    }

    /** A carousel as the numbered text, each option with the link of its picture. */
    private static ChoicePrompt carousel(ChoicePacket.Carousel c) {
        return new ChoicePrompt(ChoicePrompt.Form.BUBBLES, c.body().orElse(""), Optional.empty(), Optional.empty(),
                c.fallback(), c.options().stream().map(o -> new ChoicePrompt.Option(o.id(),
                        o.imageUrl().isBlank() ? o.label() : o.label() + " (" + o.imageUrl() + ")", Optional.empty()))
                        .toList());
    }

    private static Optional<String> notSent(Packet packet) {
        throw new IllegalArgumentException(packet.event() + " is not sent to contacts");
    }
}
