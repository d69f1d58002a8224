package dev.parley.channel.preview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelType;
import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.channel.meta.MetaMarkup;
import dev.parley.channel.messenger.MessengerChoices;
import dev.parley.channel.messenger.MessengerMessage;
import dev.parley.channel.telegram.TelegramChoices;
import dev.parley.channel.whatsapp.Header;
import dev.parley.channel.whatsapp.WhatsAppChoices;
import dev.parley.channel.whatsapp.WhatsAppMessage;
import dev.parley.conversation.ChoicePacket;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * How a choice message shows on each channel (channels.md §2), for the console: the website widget's buttons, the
 * form WhatsApp's and Messenger's own renderers pick ({@link WhatsAppChoices}, {@link MessengerChoices}) within
 * Meta's limits, Telegram's inline keyboard ({@link TelegramChoices}), and the numbered text of SMS, Threema and custom channels.
 */
public final class ChoicePreview {
    private ChoicePreview() {}

    /** One entry per channel type, each with its {@code form}, text, header, footer and option labels. */
    public static ArrayNode of(ChoicePacket packet) {
        ChoicePrompt prompt = ChoicePrompts.of(packet).orElseThrow(() -> ClientError.badRequest("not_a_choice",
                "name: a preview is for bubbles, button_template and list_template, which show options", "name"));
        ArrayNode out = Json.array();
        for (ChannelType type : ChannelType.values()) {
            out.add(entry(type, prompt));
        }
        return out;
    }

    private static ObjectNode entry(ChannelType type, ChoicePrompt prompt) {
        ObjectNode out = Json.object().put("channel", type.wire()).put("type", type.config());
        return switch (type) {
            case WEB -> shown(out, "buttons", prompt.text().isBlank() ? prompt.fallback() : prompt.text(),
                    prompt.header(), prompt.footer(), prompt.options());
            case WHATSAPP -> WhatsAppChoices.form(prompt).map(m -> whatsapp(out, m))
                    .orElseGet(() -> numbered(out, prompt.numbered(t -> MetaMarkup.render(t,
                            MetaMarkup.Flavor.WHATSAPP))));
            case MESSENGER -> MessengerChoices.form(prompt).map(m -> messenger(out, m))
                    .orElseGet(() -> numbered(out, prompt.numbered(t -> MetaMarkup.render(t,
                            MetaMarkup.Flavor.MESSENGER))));
            case TELEGRAM -> TelegramChoices.keyboard(prompt).map(text -> shown(out, "inline_keyboard", text.text(),
                    Optional.empty(), Optional.empty(), prompt.options()))
                    .orElseGet(() -> numbered(out, TelegramChoices.numbered(prompt)));
            case SMS -> numbered(out, prompt.numbered(t -> MetaMarkup.render(t, MetaMarkup.Flavor.PLAIN)));
            case THREEMA -> numbered(out, prompt.numbered(t -> MetaMarkup.render(t, MetaMarkup.Flavor.THREEMA)));
            case CUSTOM -> numbered(out, prompt.numbered(t -> t));
        };
    }

    private static ObjectNode whatsapp(ObjectNode out, WhatsAppMessage message) {
        return switch (message) {
            case WhatsAppMessage.Buttons b -> shown(out, "reply_buttons", b.body(),
                    b.header().flatMap(h -> h instanceof Header.Text t ? Optional.of(t.text()) : Optional.empty()),
                    b.footer(), b.replies().stream().map(r -> new ChoicePrompt.Option(r.id(), r.title(),
                            Optional.<String>empty())).toList());
            case WhatsAppMessage.ListMessage l -> shown(out, "list", l.body(), l.header(), l.footer(),
                    l.sections().stream().flatMap(s -> s.rows().stream())
                            .map(r -> new ChoicePrompt.Option(r.id(), r.title(), r.description())).toList())
                    .put("button", l.button());
            case WhatsAppMessage.Text t -> numbered(out, t.body());
            case WhatsAppMessage.Media m -> throw new IllegalStateException("a choice is never a media message");
            case WhatsAppMessage.Template t -> throw new IllegalStateException("a choice is never a template");
        };
    }

    private static ObjectNode messenger(ObjectNode out, MessengerMessage message) {
        return switch (message) {
            case MessengerMessage.ButtonTemplate b -> shown(out, "button_template", b.text(), Optional.empty(),
                    Optional.empty(), choices(b.buttons()));
            case MessengerMessage.QuickReplies q -> shown(out, "quick_replies", q.text(), Optional.empty(),
                    Optional.empty(), choices(q.replies()));
            case MessengerMessage.Text t -> numbered(out, t.text());
            case MessengerMessage.Attachment a -> throw new IllegalStateException("a choice is never an attachment");
        };
    }

    private static List<ChoicePrompt.Option> choices(List<MessengerMessage.Choice> choices) {
        return choices.stream().map(c -> new ChoicePrompt.Option(c.payload(), c.title(), Optional.empty())).toList();
    }

    private static ObjectNode shown(ObjectNode out, String form, String text, Optional<String> header,
            Optional<String> footer, List<ChoicePrompt.Option> options) {
        out.put("form", form).put("text", text).put("header", header.orElse(null)).put("footer", footer.orElse(null));
        ArrayNode list = out.putArray("options");
        options.forEach(o -> list.addObject().put("label", o.label()).put("description", o.description().orElse(null)));
        return out;
    }

    private static ObjectNode numbered(ObjectNode out, String text) {
        out.put("form", "numbered_text").put("text", text).putNull("header").putNull("footer");
        out.putArray("options");
        return out;
    }
}
