package dev.parley.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.VisitorService;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.limit.ContactLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the widget asks about its visitor (contact web API): {@code POST /widgets/{widget}/identify}, signed
 * visitor identity, and {@code GET /widgets/{widget}/conversations}, the visitor's open conversations there —
 * when a page loads, and long-polling for new ones while it stays open.
 */
final class VisitorRoutes {
    private static final int MAX_BODY = 16 * 1024;
    private static final Pattern HEX_HMAC = Pattern.compile("[0-9a-fA-F]{64}");

    private final ContactService contacts;
    private final VisitorService visitors;
    private final ContactLimits limits;

    VisitorRoutes(ContactService contacts, VisitorService visitors, ContactLimits limits) {
        this.contacts = contacts;
        this.visitors = visitors;
        this.limits = limits;
    }

    void register(RoutesConfig r) {
        r.post(ContactRoutes.BASE + "/widgets/{widget}/identify", this::identify);
        r.get(ContactRoutes.BASE + "/widgets/{widget}/conversations", this::open);
    }

    private void identify(Context ctx) {
        limits.opening(ctx.ip());
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        String externalId = f.requiredString("external_id", 1, 200);
        String signature = f.requiredString("signature", 1, 200);
        if (!HEX_HMAC.matcher(signature).matches()) {
            throw ClientError.badRequest("invalid_field", "signature must be 64 hex digits: the hex HMAC-SHA256 of"
                    + " external_id under the widget's identity secret", "signature");
        }
        Optional<String> token = f.optionalString("contact_token", 1, 200);
        VisitorService.Identified identified = visitors.identify(ctx.pathParam("widget"), externalId, signature,
                token);
        ObjectNode out = Json.object();
        out.put("contact_id", identified.contactId());
        out.put("contact_token", identified.contactToken());
        put(out, identified.listing());
        ctx.json(out);
    }

    /** The open conversations; with {@code after} (a cursor) only when there are new ones, long-polling with wait. */
    private void open(Context ctx) {
        Contact contact = contacts.authenticate(ContactRoutes.bearer(ctx.header("Authorization")));
        String widget = ctx.pathParam("widget");
        Optional<Long> after = QueryParams.whole(ctx, "after", 0, Long.MAX_VALUE);
        Optional<Duration> wait = QueryParams.waitFor(ctx);
        if (wait.isPresent() && after.isEmpty()) {
            throw ClientError.badRequest("invalid_parameter", "after is required with wait: send the cursor of an"
                    + " earlier answer, so that the call knows what is new", "after");
        }
        VisitorService.Listing listing = after.isPresent()
                ? visitors.newer(contact, widget, after.get(), wait.orElse(Duration.ZERO))
                : visitors.open(contact, widget);
        ObjectNode out = Json.object();
        put(out, listing);
        ctx.json(out);
    }

    private static void put(ObjectNode out, VisitorService.Listing listing) {
        ArrayNode list = out.putArray("conversations");
        listing.open().forEach(c -> list.addObject().put("conversation_id", c.id()).put("status", c.status().wire())
                .put("proactive", "proactive".equals(c.approachMode())).put("last_seq", c.lastSeq())
                .put("created_at", c.createdAt().toString()));
        out.put("cursor", listing.cursor());
    }
}
