package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.campaign.Campaigns;
import dev.parley.conversation.Contact;
import dev.parley.conversation.Conversation;
import dev.parley.json.Json;
import dev.parley.routing.Group;
import dev.parley.routing.Widget;
import java.util.Optional;

/** Builds the {@code info} object of webhook calls (chatbot spec §3.1). */
final class InfoBuilder {
    private final String publicBaseUrl;

    InfoBuilder(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * {@code contact.campaigns} is the contact's subscription on the conversation's channel ({@code subscribed}),
     * {@code null} if never set.
     */
    ObjectNode info(Session session, Conversation conv, Contact contact, Optional<Boolean> subscribed, Widget widget,
            Group group) {
        ObjectNode info = Json.object();
        info.put("cid", session.cid());
        info.put("approach_mode", conv.approachMode());
        info.set("context", session.context());
        info.set("contact", Campaigns.contactJson(contact, subscribed));
        info.set("conversation", conversation(conv));
        info.set("widget", widget(widget, group, conv));
        return info;
    }

    private ObjectNode conversation(Conversation c) {
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("url", publicBaseUrl + "/console/conversations/" + c.id());
        n.put("subject", c.subject().orElse(null));
        n.set("topics", c.topics());
        n.put("locale", c.locale().orElse(null));
        n.set("custom_fields", c.customFields());
        n.put("created_at", c.createdAt().toString());
        n.putObject("contact_channel").put("type", c.channelType()).put("state", "valid");
        return n;
    }

    private static ObjectNode widget(Widget w, Group g, Conversation c) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("name", w.name());
        n.putObject("group").put("id", g.id()).put("name", g.name());
        n.put("url", c.pageUrl().orElse(null));
        return n;
    }
}
