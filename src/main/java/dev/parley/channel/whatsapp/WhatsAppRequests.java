package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.TextSplit;
import dev.parley.channel.meta.MetaMarkup;
import dev.parley.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The JSON bodies of {@code POST /{phone-number-id}/messages}, exactly as the Cloud API documents them. */
public final class WhatsAppRequests {
    private WhatsAppRequests() {}

    /**
     * The request sending {@code message} to {@code to} (a {@code wa_id}).
     *
     * @throws IllegalArgumentException naming every limit the message breaks; it is never sent to fail at Meta
     */
    public static ObjectNode request(String to, WhatsAppMessage message) {
        List<String> problems = message.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        ObjectNode body = Json.object().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", to);
        switch (message) {
            case WhatsAppMessage.Text text -> body.put("type", "text").putObject("text")
                    .put("preview_url", text.previewUrl()).put("body", text.body());
            case WhatsAppMessage.Buttons buttons -> body.put("type", "interactive").set("interactive", buttons(buttons));
            case WhatsAppMessage.ListMessage list -> body.put("type", "interactive").set("interactive", list(list));
            case WhatsAppMessage.Media media -> {
                String type = type(media.kind());
                ObjectNode object = body.put("type", type).putObject(type);
                source(object, media.source());
                media.caption().ifPresent(c -> object.put("caption", c));
                media.filename().ifPresent(f -> object.put("filename", f));
            }
            case WhatsAppMessage.Template template -> body.put("type", "template").set("template", template(template));
        }
        return body;
    }

    /**
     * {@code markdown} as WhatsApp markup in one text message, or several when it is longer than 4096
     * characters (cut at word boundaries).
     */
    public static List<ObjectNode> texts(String to, String markdown) {
        return plainTexts(to, MetaMarkup.render(markdown, MetaMarkup.Flavor.WHATSAPP));
    }

    /** {@code text}, already in WhatsApp markup, in as many text messages as it needs. */
    public static List<ObjectNode> plainTexts(String to, String text) {
        return TextSplit.atWords(text, WhatsAppLimits.TEXT_BODY).stream()
                .map(part -> request(to, new WhatsAppMessage.Text(part, false))).toList();
    }

    private static ObjectNode buttons(WhatsAppMessage.Buttons buttons) {
        ObjectNode interactive = Json.object().put("type", "button");
        buttons.header().ifPresent(h -> interactive.set("header", header(h)));
        interactive.putObject("body").put("text", buttons.body());
        buttons.footer().ifPresent(f -> interactive.putObject("footer").put("text", f));
        ArrayNode array = interactive.putObject("action").putArray("buttons");
        buttons.replies().forEach(r -> array.addObject().put("type", "reply").putObject("reply")
                .put("id", r.id()).put("title", r.title()));
        return interactive;
    }

    private static ObjectNode list(WhatsAppMessage.ListMessage list) {
        ObjectNode interactive = Json.object().put("type", "list");
        list.header().ifPresent(h -> interactive.putObject("header").put("type", "text").put("text", h));
        interactive.putObject("body").put("text", list.body());
        list.footer().ifPresent(f -> interactive.putObject("footer").put("text", f));
        ObjectNode action = interactive.putObject("action").put("button", list.button());
        ArrayNode sections = action.putArray("sections");
        for (WhatsAppMessage.Section section : list.sections()) {
            ObjectNode s = sections.addObject();
            section.title().ifPresent(t -> s.put("title", t));
            ArrayNode rows = s.putArray("rows");
            section.rows().forEach(r -> {
                ObjectNode row = rows.addObject().put("id", r.id()).put("title", r.title());
                r.description().ifPresent(d -> row.put("description", d));
            });
        }
        return interactive;
    }

    private static ObjectNode header(Header header) {
        return switch (header) {
            case Header.Text text -> Json.object().put("type", "text").put("text", text.text());
            case Header.Media media -> {
                String type = type(media.kind());
                ObjectNode node = Json.object().put("type", type);
                ObjectNode object = node.putObject(type);
                source(object, media.source());
                media.filename().ifPresent(f -> object.put("filename", f));
                yield node;
            }
        };
    }

    private static ObjectNode template(WhatsAppMessage.Template template) {
        ObjectNode node = Json.object().put("name", template.name());
        node.putObject("language").put("policy", "deterministic").put("code", template.language());
        ArrayNode components = node.putArray("components");
        for (TemplateComponent component : template.components()) {
            ObjectNode c = components.addObject().put("type", component.type());
            component.subType().ifPresent(s -> c.put("sub_type", s));
            component.index().ifPresent(i -> c.put("index", Integer.toString(i)));
            ArrayNode parameters = c.putArray("parameters");
            component.parameters().forEach(p -> parameters.add(parameter(p)));
        }
        return node;
    }

    private static ObjectNode parameter(TemplateComponent.Parameter parameter) {
        return switch (parameter) {
            case TemplateComponent.Parameter.Text text -> Json.object().put("type", "text").put("text", text.text());
            case TemplateComponent.Parameter.Payload payload -> Json.object().put("type", "payload")
                    .put("payload", payload.payload());
            case TemplateComponent.Parameter.Currency money -> {
                ObjectNode node = Json.object().put("type", "currency");
                node.putObject("currency").put("fallback_value", money.fallback()).put("code", money.code())
                        .put("amount_1000", money.amount1000());
                yield node;
            }
            case TemplateComponent.Parameter.DateTime date -> {
                ObjectNode node = Json.object().put("type", "date_time");
                node.putObject("date_time").put("fallback_value", date.fallback());
                yield node;
            }
            case TemplateComponent.Parameter.Media media -> {
                String type = type(media.kind());
                ObjectNode node = Json.object().put("type", type);
                source(node.putObject(type), media.source());
                yield node;
            }
        };
    }

    private static void source(ObjectNode object, MediaSource source) {
        switch (source) {
            case MediaSource.Link link -> object.put("link", link.url());
            case MediaSource.Id id -> object.put("id", id.id());
        }
    }

    private static String type(WhatsAppInbound.MediaKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static Optional<String> present(Optional<String> text) {
        return text.filter(t -> !t.isBlank());
    }
}
