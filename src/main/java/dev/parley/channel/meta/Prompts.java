package dev.parley.channel.meta;

import dev.parley.conversation.ChoicePacket;
import java.util.List;
import java.util.Optional;

/**
 * A choice packet as a Meta channel renders it: its options' ids are already the short choice tokens (see
 * {@code dev.parley.channel.ChoiceTokens}), which become the reply ids, row ids and payloads.
 */
public final class Prompts {
    private Prompts() {}

    /** The prompt of a {@code bubbles}, {@code button_template} or {@code list_template}; empty for other packets. */
    public static Optional<ChoicePrompt> of(ChoicePacket packet) {
        return switch (packet) {
            case ChoicePacket.Bubbles b -> Optional.of(new ChoicePrompt(ChoicePrompt.Form.BUBBLES, b.body().orElse(""),
                    Optional.empty(), Optional.empty(), b.fallback(), options(b.options())));
            case ChoicePacket.ButtonTemplate t -> Optional.of(new ChoicePrompt(ChoicePrompt.Form.BUTTON_TEMPLATE,
                    t.body(), t.header().filter(h -> h.type().equals("text")).flatMap(ChoicePacket.Header::text),
                    t.footer(), t.fallback(), options(t.options())));
            case ChoicePacket.ListTemplate l -> Optional.of(new ChoicePrompt(ChoicePrompt.Form.LIST_TEMPLATE, l.body(),
                    l.headline(), l.footer(), l.fallback(), l.options().stream()
                            .map(o -> new ChoicePrompt.Option(o.id(), o.label(), o.description())).toList()));
            case ChoicePacket.Carousel c -> Optional.empty();
            case ChoicePacket.Button b -> Optional.empty();
            case ChoicePacket.Buttons b -> Optional.empty();
            case ChoicePacket.Navigate n -> Optional.empty();
        };
    }

    /** A carousel, which Meta channels always show as the numbered text. */
    public static ChoicePrompt carousel(ChoicePacket.Carousel carousel) {
        return new ChoicePrompt(ChoicePrompt.Form.BUBBLES, carousel.body().orElse(""), Optional.empty(),
                Optional.empty(), carousel.fallback(), carousel.options().stream()
                        .map(o -> new ChoicePrompt.Option(o.id(), o.label(), Optional.empty())).toList());
    }

    private static List<ChoicePrompt.Option> options(List<ChoicePacket.Option> options) {
        return options.stream().map(o -> new ChoicePrompt.Option(o.id(), o.label(), Optional.empty())).toList();
    }
}
