package dev.parley.flow;

import java.util.List;
import java.util.Optional;

/**
 * What a node says: the {@code say} text and the media and link buttons that go with it.
 * A say node is only a message; a choices node has one (its text is the question above the
 * options); forward, end, abort and jump nodes may carry one, sent before the node does its work.
 *
 * @param text    the text; empty for a message that is only media or buttons
 * @param format  how the text is written
 * @param media   a file sent with the message
 * @param buttons link buttons (1 to 10), which send no event back when clicked
 */
public record Message(Optional<Template> text, TextFormat format, Optional<Media> media, List<LinkButton> buttons) {

    /** Most link buttons in one message. */
    public static final int MAX_BUTTONS = 10;
    /** Most characters of a message text, as the Chatbot API allows. */
    public static final int MAX_TEXT = 5000;

    public Message {
        buttons = List.copyOf(buttons);
    }

    /** How a text is written: {@code plain} or {@code markdown_v1}. */
    public enum TextFormat { PLAIN, MARKDOWN_V1 }

    /** Kinds of media; written in lower case. */
    public enum MediaType { IMAGE, VIDEO, AUDIO, FILE }

    /** {@code media: { url, type }}; without {@code type} it is sniffed from the file. */
    public record Media(Template url, Optional<MediaType> type) {
    }

    /** {@code buttons: [{ label, url }]}: a button opening {@code url}. */
    public record LinkButton(String label, Template url) {
    }
}
