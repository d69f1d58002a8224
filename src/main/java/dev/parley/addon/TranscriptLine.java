package dev.parley.addon;

import dev.parley.conversation.Author;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineItem;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A transcript item as one line of text for people: when, who, and what they said or chose. */
public record TranscriptLine(String time, String who, String text) {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** {@code contact} names the contact's lines: "You" for the contact, else what is known now. */
    public static TranscriptLine of(TimelineItem item, String contact) {
        return new TranscriptLine(TIME.format(item.at()), who(item.author(), contact), text(item));
    }

    private static String who(Author author, String contact) {
        return switch (author.type()) {
            case CONTACT -> contact;
            case BOT, OPERATOR -> author.name().or(author::id).orElse("Operator");
            case SYSTEM -> "Parley";
        };
    }

    private static String text(TimelineItem item) {
        return switch (item.packet()) {
            case ChatPacket.Click c -> "chose \"" + c.value().label() + "\"";
            case StatePacket.ConversationEnded e -> "The conversation ended.";
            case StatePacket.ConversationForwarded f -> f.to().type().equals("operator")
                    ? "Handed over to " + f.to().name().orElse("") + "."
                    : "Waiting for the next free operator.";
            case ChoicePacket.Button b -> b.label() + ": " + b.url();
            case ChoicePacket.Navigate n -> "Opened " + n.url();
            case StatePacket.Registration r -> "Registered as " + r.name() + " (" + r.email() + ")";
            case ChatPacket.Message m -> m.body();
            case ChatPacket.Start s -> s.body().or(() -> s.upload().map(TranscriptLine::media)).orElse("(start)");
            case ChatPacket.Media m -> media(m);
            case ChatPacket.Location l -> "Shared a location: " + l.latitude() + ", " + l.longitude();
            case ChoicePacket.Bubbles b -> content(b.body(), b.choices(), "bubbles");
            case ChoicePacket.Carousel c -> content(c.body(), c.choices(), "carousel");
            case ChoicePacket.ButtonTemplate t -> content(lines(Optional.of(t.body()), t.footer()), t.choices(),
                    "button_template");
            case ChoicePacket.ListTemplate l -> content(lines(l.headline(), Optional.of(l.body()), l.footer()),
                    l.choices(), "list_template");
            case ChoicePacket.Buttons b -> content(b.body(), b.buttons().stream()
                    .map(link -> link.label() + " (" + link.url() + ")").toList(), "buttons");
            case ChatPacket.ForwardFailed f -> "(" + f.event() + ")";
            case ChatPacket.CampaignUnsubscribe u -> "(" + u.event() + ")";
            case ChatPacket.Template t -> "(template " + t.name() + " " + t.language()
                    + (t.parameters().isEmpty() ? "" : ": " + String.join(", ", t.parameters())) + ")";
            case StatePacket.NoteCreate n -> n.body();
            case StatePacket.PageView v -> v.url();
            case StatePacket s -> "(" + s.event() + ")";
            case Packet.Raw r -> "(" + r.event() + ")";
        };
    }

    private static String media(ChatPacket.Media m) {
        return m.caption().filter(c -> !c.isBlank()).map(c -> c + "\n").orElse("") + m.url();
    }

    /** The non-blank texts, one per line. */
    @SafeVarargs
    private static Optional<String> lines(Optional<String>... texts) {
        List<String> parts = new ArrayList<>();
        for (Optional<String> text : texts) {
            text.filter(t -> !t.isBlank()).ifPresent(parts::add);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
    }

    /** Texts and the choices or links of message-like packets; the packet name when there is nothing to show. */
    private static String content(Optional<String> text, List<?> options, String name) {
        List<String> parts = new ArrayList<>();
        text.filter(t -> !t.isBlank()).ifPresent(parts::add);
        List<String> labels = options.stream()
                .map(o -> o instanceof ChoicePacket.Option option ? option.label() : o.toString()).toList();
        if (!labels.isEmpty()) {
            parts.add("[" + String.join(" | ", labels) + "]");
        }
        return parts.isEmpty() ? "(" + name + ")" : String.join("\n", parts);
    }
}
