package dev.parley.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.OpenRequest;
import dev.parley.conversation.Opened;
import dev.parley.conversation.PageTagService;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.Transcripts;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.limit.ContactLimits;
import dev.parley.offline.VisitorPresence;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The contact web API (platform spec §3) under {@code /api/web/v1}. */
final class ContactRoutes {
    static final String BASE = "/api/web/v1";
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ContactService contacts;
    private final PageTagService pageTags;
    private final Transcripts transcripts;
    private final ContactLimits limits;
    private final VisitorPresence visitors;

    ContactRoutes(ContactService contacts, PageTagService pageTags, Transcripts transcripts, ContactLimits limits,
            VisitorPresence visitors) {
        this.visitors = visitors;
        this.contacts = contacts;
        this.pageTags = pageTags;
        this.transcripts = transcripts;
        this.limits = limits;
    }

    void register(RoutesConfig r) {
        r.post(BASE + "/widgets/{widget}/conversations", this::open);
        r.post(BASE + "/conversations/{id}/messages", this::write);
        r.post(BASE + "/conversations/{id}/clicks", this::click);
        r.post(BASE + "/conversations/{id}/registration", this::register);
        r.post(BASE + "/conversations/{id}/events", this::event);
        r.get(BASE + "/conversations/{id}/messages", this::transcript);
    }

    private void open(Context ctx) {
        limits.opening(ctx.ip());
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        Fields contact = new Fields(f.optionalObject("contact").orElseGet(Json::object), "contact.");
        Optional<String> email = contact.optionalString("email", 3, 254);
        email.ifPresent(e -> requireEmail(e, "contact.email"));
        Optional<String> token = f.optionalString("contact_token", 1, 200);
        Optional<String> pageUrl = f.optionalString("page_url", 1, 2000);
        if (pageUrl.isPresent() && !isHttpUrl(pageUrl.get())) {
            throw ClientError.badRequest("invalid_field", "page_url must be an absolute http or https URL", "page_url");
        }
        if (f.optionalBoolean("proactive", false)) {
            throw ClientError.badRequest("invalid_field", "proactive must be false or absent: only the business starts"
                    + " proactive conversations (outreach)", "proactive");
        }
        OpenRequest req = new OpenRequest(contact.optionalString("name", 1, 200), email,
                contact.optionalString("locale", 2, 35), pageUrl,
                f.optionalObject("page_tags").map(ContactRoutes::checkedTags), false, token);
        Opened opened = contacts.open(ctx.pathParam("widget"), req);
        ObjectNode out = Json.object();
        out.put("conversation_id", opened.conversationId());
        out.put("contact_id", opened.contactId());
        out.put("contact_token", opened.contactToken().or(() -> token).orElseThrow());
        ctx.status(201).json(out);
    }

    private void write(Context ctx) {
        Contact contact = writer(ctx);
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        String body = f.requiredString("body", 1, ContactService.MAX_MESSAGE);
        Optional<String> clientId = f.optionalString("client_id", 1, 200);
        TimelineItem item = contacts.write(contact, ctx.pathParam("id"), body, clientId);
        accepted(ctx, item);
    }

    private void click(Context ctx) {
        Contact contact = writer(ctx);
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        TimelineItem item = contacts.click(contact, ctx.pathParam("id"), f.requiredString("message_id", 1, 200),
                f.requiredString("option_id", 1, 256));
        accepted(ctx, item);
    }

    private void register(Context ctx) {
        Contact contact = writer(ctx);
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        String name = f.requiredString("name", 1, 200);
        String email = requireEmail(f.requiredString("email", 3, 254), "email");
        accepted(ctx, contacts.register(contact, ctx.pathParam("id"), name, email));
    }

    /** Web page events: {@code page_tag} (tag, properties?) and {@code page_view} (url). */
    private void event(Context ctx) {
        Contact contact = writer(ctx);
        Fields f = new Fields(Bodies.object(ctx, MAX_BODY));
        String name = f.requiredString("name", 1, 40);
        TimelineItem item = switch (name) {
            case "page_tag" -> pageTags.tag(contact, ctx.pathParam("id"), f.requiredString("tag", 1, 100),
                    f.optionalObject("properties"));
            case "page_view" -> {
                String url = f.requiredString("url", 1, 2000);
                if (!isHttpUrl(url)) {
                    throw ClientError.badRequest("invalid_field", "url must be an absolute http or https URL", "url");
                }
                yield pageTags.view(contact, ctx.pathParam("id"), url);
            }
            default -> throw ClientError.badRequest("invalid_field", "name must be 'page_tag' or 'page_view', got '"
                    + (name.length() > 40 ? name.substring(0, 40) : name) + "'", "name");
        };
        accepted(ctx, item);
    }

    /** {@code page_tags} of an open request: tag name → properties object (or null for none). */
    private static ObjectNode checkedTags(ObjectNode tags) {
        if (tags.size() > PageTagService.MAX_TAGS) {
            throw ClientError.badRequest("invalid_field", "page_tags has " + tags.size() + " tags; at most "
                    + PageTagService.MAX_TAGS + " are kept", "page_tags");
        }
        ObjectNode out = Json.object();
        tags.properties().forEach(e -> {
            String field = "page_tags." + e.getKey();
            if (!e.getValue().isNull() && !e.getValue().isObject()) {
                throw ClientError.badRequest("invalid_field", field + " must be a JSON object of properties or null",
                        field);
            }
            Optional<ObjectNode> props = e.getValue() instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
            PageTagService.check(e.getKey(), props, field, field);
            out.set(e.getKey(), props.isPresent() ? props.get() : Json.object());
        });
        return out;
    }

    /** {@code value} of the body field {@code field}, once it looks like an e-mail address. */
    static String requireEmail(String value, String field) {
        if (!EMAIL.matcher(value).matches()) {
            throw ClientError.badRequest("invalid_field", field + " '" + value + "' is not an e-mail address", field);
        }
        return value;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void transcript(Context ctx) {
        Contact contact = contact(ctx);
        String id = ctx.pathParam("id");
        contacts.owned(contact, id);
        long after = QueryParams.whole(ctx, "after", 0, Long.MAX_VALUE).orElse(0L);
        Duration wait = QueryParams.waitFor(ctx).orElse(Duration.ZERO);
        List<TimelineItem> items;
        if (wait.isZero()) {
            items = transcripts.after(id, after, wait);
        } else {
            // a waiting long poll is the widget's stream where WebSockets are blocked: the visitor is there
            visitors.opened(id);
            try {
                items = transcripts.after(id, after, wait);
            } finally {
                visitors.pollEnded(id);
            }
        }
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("items");
        items.forEach(i -> list.add(i.toJson()));
        out.put("last_seq", items.isEmpty() ? after : items.getLast().seq());
        ctx.json(out);
    }

    private Contact contact(Context ctx) {
        return contacts.authenticate(bearer(ctx.header("Authorization")));
    }

    /** The contact of a request that writes to a conversation, within the write limits. */
    private Contact writer(Context ctx) {
        Contact contact = contact(ctx);
        limits.writing(ctx.ip(), contact.id());
        return contact;
    }

    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ClientError.unauthorized("send the contact token as 'Authorization: Bearer <contact_token>'");
        }
        return header.substring(7).trim();
    }

    private static void accepted(Context ctx, TimelineItem item) {
        ctx.status(202).json(Json.object().put("message_id", item.id()).put("seq", item.seq()));
    }
}
