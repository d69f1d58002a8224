package dev.parley.web;

import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.Conversation;
import dev.parley.json.Json;
import dev.parley.limit.ContactLimits;
import dev.parley.offline.OfflineReplies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * When nobody is online: {@code GET /api/web/v1/conversations/{id}/availability} tells the widget whether an
 * operator of the conversation's group is online and whether to ask for an e-mail address, and
 * {@code PUT /api/web/v1/conversations/{id}/email} keeps the address the visitor gives on their contact.
 */
final class OfflineRoutes {
    private static final int MAX_BODY = 4 * 1024;

    private final ContactService contacts;
    private final OfflineReplies offline;
    private final ContactLimits limits;

    OfflineRoutes(ContactService contacts, OfflineReplies offline, ContactLimits limits) {
        this.contacts = contacts;
        this.offline = offline;
        this.limits = limits;
    }

    void register(RoutesConfig r) {
        r.get(ContactRoutes.BASE + "/conversations/{id}/availability", this::availability);
        r.put(ContactRoutes.BASE + "/conversations/{id}/email", this::email);
    }

    private void availability(Context ctx) {
        Contact contact = contacts.authenticate(ContactRoutes.bearer(ctx.header("Authorization")));
        Conversation conversation = contacts.owned(contact, ctx.pathParam("id"));
        OfflineReplies.Availability a = offline.availability(contact, conversation);
        ctx.header("Cache-Control", "no-store").json(Json.object().put("operators_online", a.operatorsOnline())
                .put("ask_for_email", a.askForEmail()).put("email", contact.email().orElse(null)));
    }

    private void email(Context ctx) {
        Contact contact = contacts.authenticate(ContactRoutes.bearer(ctx.header("Authorization")));
        limits.writing(ctx.ip(), contact.id());
        contacts.owned(contact, ctx.pathParam("id"));
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        String email = ContactRoutes.requireEmail(f.requiredString("email", 3, 254), "email");
        ctx.json(Json.object().put("email", offline.leaveEmail(contact, email).email().orElseThrow()));
    }
}
