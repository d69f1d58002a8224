package dev.parley.channel.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.Outgoing;
import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.channel.meta.Prompts;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.StatePacket;
import dev.parley.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Bot API calls a packet renders to (channels.md §2): a text → {@code sendMessage} with entities, cut into
 * parts of at most 4,096 units; a file → {@code sendPhoto}, {@code sendVideo}, {@code sendAudio} or {@code
 * sendDocument} by its URL, with its caption when that fits in 1,024 units and as texts after it when not; a choice
 * → an inline keyboard (see {@link TelegramChoices}); a carousel → the numbered text with each image's link; link
 * buttons → their labels and URLs as text. A WhatsApp template renders to nothing: it cannot be sent here.
 */
final class TelegramRequests {
    private TelegramRequests() {}

    static List<TelegramRequest> of(String chatId, Packet packet) {
        return switch (packet) {
            case ChatPacket.Message m -> texts(chatId, m.textFormat().filter("markdown_v1"::equals).isPresent()
                    ? TelegramMarkup.render(m.body()) : TelegramText.plain(m.body()));
            case ChatPacket.Media m -> media(chatId, m);
            case ChoicePacket.Carousel c -> plainTexts(chatId, TelegramChoices.numbered(new ChoicePrompt(
                    ChoicePrompt.Form.BUBBLES, c.body().orElse(""), Optional.empty(), Optional.empty(), c.fallback(),
                    c.options().stream().map(o -> new ChoicePrompt.Option(o.id(), o.label() + ": " + o.imageUrl(),
                            Optional.empty())).toList())));
            case ChoicePacket.Button b -> plainTexts(chatId, Outgoing.links(b));
            case ChoicePacket.Buttons b -> plainTexts(chatId, Outgoing.links(b));
            case ChoicePacket.Navigate n -> plainTexts(chatId, Outgoing.links(n));
            case ChoicePacket c -> TelegramChoices.render(chatId, Prompts.of(c).orElseThrow());
            case ChatPacket.Template t -> List.of();
            case ChatPacket.Start s -> notSent(s);
            case ChatPacket.Click c -> notSent(c);
            case ChatPacket.Location l -> notSent(l);
            case ChatPacket.ForwardFailed f -> notSent(f);
            case ChatPacket.CampaignUnsubscribe u -> notSent(u);
            case StatePacket s -> notSent(s);
            case Packet.Raw r -> notSent(r);
        };
    }

    /** A {@code sendMessage} request. */
    static TelegramRequest message(String chatId, String text, List<TelegramText.Entity> entities,
            Optional<ObjectNode> replyMarkup) {
        ObjectNode body = Json.object().put("chat_id", chatId).put("text", text);
        if (!entities.isEmpty()) {
            body.set("entities", new TelegramText(text, entities).entitiesJson());
        }
        replyMarkup.ifPresent(m -> body.set("reply_markup", m));
        return new TelegramRequest("sendMessage", body);
    }

    static List<TelegramRequest> plainTexts(String chatId, String text) {
        return texts(chatId, TelegramText.plain(text));
    }

    private static List<TelegramRequest> texts(String chatId, TelegramText text) {
        return text.parts(TelegramLimits.TEXT).stream()
                .map(part -> message(chatId, part.text(), part.entities(), Optional.empty())).toList();
    }

    private static List<TelegramRequest> media(String chatId, ChatPacket.Media m) {
        String mime = m.mimeType();
        String field = mime.startsWith("image/") && !mime.equals("image/gif") ? "photo"
                : mime.startsWith("video/") ? "video" : mime.startsWith("audio/") ? "audio" : "document";
        String method = "send" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        ObjectNode body = Json.object().put("chat_id", chatId).put(field, m.url());
        Optional<String> caption = m.caption().map(String::strip).filter(c -> !c.isEmpty());
        List<TelegramRequest> requests = new ArrayList<>();
        if (caption.isPresent() && caption.get().length() <= TelegramLimits.CAPTION) {
            body.put("caption", caption.get());
        }
        requests.add(new TelegramRequest(method, body));
        caption.filter(c -> c.length() > TelegramLimits.CAPTION).ifPresent(c -> requests.addAll(plainTexts(chatId, c)));
        return List.copyOf(requests);
    }

    private static List<TelegramRequest> notSent(Packet packet) {
        throw new IllegalArgumentException(packet.event() + " is not sent to contacts");
    }
}
