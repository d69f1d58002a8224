package dev.parley.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What bots show contacts beyond a text (chatbot-api.md §4): choice messages and links. */
public sealed interface ChoicePacket extends Packet {

    /** An option of a {@code bubbles} or {@code button_template}, and the value of a {@code click}. */
    record Option(String id, String label) {
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }
    }

    record CarouselOption(String id, String label, String imageUrl) {
        public CarouselOption {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(imageUrl, "image_url");
        }
    }

    record ListOption(String id, String label, Optional<String> description) {
        public ListOption {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }
    }

    /** The header of a {@code button_template}: {@code text} for type text, {@code url} for image, video, document. */
    record Header(String type, Optional<String> text, Optional<String> url) {
        public Header {
            Objects.requireNonNull(type, "type");
        }
    }

    record Link(String label, String url) {
        public Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
        }
    }

    /** The choices' ids and labels, in order; empty for link packets, which have no click. */
    default List<Option> choices() {
        return switch (this) {
            case Bubbles b -> b.options();
            case ButtonTemplate t -> t.options();
            case Carousel c -> c.options().stream().map(o -> new Option(o.id(), o.label())).toList();
            case ListTemplate l -> l.options().stream().map(o -> new Option(o.id(), o.label())).toList();
            case Button b -> List.of();
            case Buttons b -> List.of();
            case Navigate n -> List.of();
        };
    }

    record Bubbles(Optional<String> body, Optional<String> textFormat, List<Option> options, String fallback)
            implements ChoicePacket {
        public Bubbles {
            options = List.copyOf(options);
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    record Carousel(Optional<String> body, List<CarouselOption> options, String fallback) implements ChoicePacket {
        public Carousel {
            options = List.copyOf(options);
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    record ButtonTemplate(Optional<Header> header, String body, Optional<String> textFormat, Optional<String> footer,
            List<Option> options, String fallback) implements ChoicePacket {
        public ButtonTemplate {
            Objects.requireNonNull(body, "body");
            options = List.copyOf(options);
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    record ListTemplate(Optional<String> headline, String body, Optional<String> textFormat, String button,
            Optional<String> footer, Optional<String> listHeadline, List<ListOption> options, String fallback)
            implements ChoicePacket {
        public ListTemplate {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(button, "button");
            options = List.copyOf(options);
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    /** Deprecated single link button. */
    record Button(Optional<String> body, String label, String url) implements ChoicePacket {
        public Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
        }
    }

    record Buttons(Optional<String> body, List<Link> buttons) implements ChoicePacket {
        public Buttons {
            buttons = List.copyOf(buttons);
        }
    }

    /** The web widget navigates the contact's page; other channels get the link as text. */
    record Navigate(String url) implements ChoicePacket {
        public Navigate {
            Objects.requireNonNull(url, "url");
        }
    }
}
