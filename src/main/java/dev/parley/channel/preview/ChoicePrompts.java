package dev.parley.channel.preview;

import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.conversation.ChoicePacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A choice packet as the channel renderers take it, its options given the tokens {@code c1}, {@code c2}, …. */
final class ChoicePrompts {
    private ChoicePrompts() {}

    /** The prompt for a packet that shows options; empty for link packets and carousels (always text). */
    static Optional<ChoicePrompt> of(ChoicePacket packet) {
        return switch (packet) {
            case ChoicePacket.Bubbles b -> Optional.of(new ChoicePrompt(ChoicePrompt.Form.BUBBLES,
                    b.body().orElse(""), Optional.empty(), Optional.empty(), b.fallback(), options(b.options())));
            case ChoicePacket.ButtonTemplate t -> Optional.of(new ChoicePrompt(ChoicePrompt.Form.BUTTON_TEMPLATE,
                    t.body(), t.header().flatMap(ChoicePacket.Header::text), t.footer(), t.fallback(),
                    options(t.options())));
            case ChoicePacket.ListTemplate l -> Optional.of(new ChoicePrompt(ChoicePrompt.Form.LIST_TEMPLATE,
                    l.body(), l.headline(), l.footer(), l.fallback(), listOptions(l.options())));
            case ChoicePacket.Carousel c -> Optional.empty();
            case ChoicePacket.Button b -> Optional.empty();
            case ChoicePacket.Buttons b -> Optional.empty();
            case ChoicePacket.Navigate n -> Optional.empty();
        };
    }

    private static List<ChoicePrompt.Option> options(List<ChoicePacket.Option> options) {
        List<ChoicePrompt.Option> out = new ArrayList<>();
        for (ChoicePacket.Option o : options) {
            out.add(new ChoicePrompt.Option("c" + (out.size() + 1), o.label(), Optional.empty()));
        }
        return out;
    }

    private static List<ChoicePrompt.Option> listOptions(List<ChoicePacket.ListOption> options) {
        List<ChoicePrompt.Option> out = new ArrayList<>();
        for (ChoicePacket.ListOption o : options) {
            out.add(new ChoicePrompt.Option("c" + (out.size() + 1), o.label(), o.description()));
        }
        return out;
    }
}
