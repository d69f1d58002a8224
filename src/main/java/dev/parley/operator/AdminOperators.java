package dev.parley.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.password4j.Password;
import dev.parley.config.OperatorConfig;
import dev.parley.config.Role;
import dev.parley.conversation.Conversation;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Operator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Human operators: profile, role, routing settings and password (write-only, Argon2id). */
public final class AdminOperators implements AdminResource {
    static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 1000;
    private static final List<String> READ_ONLY = List.of("status", "password_set", "password");
    private static final String PLAIN = "the API takes the password itself, in 'password'; password_env and"
            + " password_file are for parley.yml";
    private static final Map<String, String> REFUSED = Map.of("password_env", PLAIN, "password_file", PLAIN);

    private final AdminWrites writes;
    private final AdminInput input;
    private final AdminStore store;
    private final AdminUnassign unassign;
    private final OperatorTokenStore tokens = new OperatorTokenStore();

    AdminOperators(AdminWrites writes, AdminInput input, AdminStore store, AdminUnassign unassign) {
        this.writes = writes;
        this.input = input;
        this.store = store;
        this.unassign = unassign;
    }

    @Override
    public String kind() {
        return "operators";
    }

    @Override
    public ArrayNode list() {
        ArrayNode out = Json.array();
        writes.db().read(h -> writes.workspace().operators(h)).forEach(o -> out.add(json(o)));
        return out;
    }

    @Override
    public ObjectNode get(String id) {
        return json(find(id));
    }

    @Override
    public ObjectNode create(Operator me, ObjectNode body) {
        Optional<String> password = password(body);
        String id = writes.change(() -> {
            OperatorConfig o = parse(AdminInput.stripped(body, READ_ONLY), password);
            if (o.id().equals("me")) {
                throw AdminInput.invalid("id", "'me' is reserved: /api/v1/operators/me is whoever calls");
            }
            if (writes.db().read(h -> writes.workspace().operator(h, o.id())).isPresent()) {
                throw AdminInput.taken("operator", o.id());
            }
            requireFreeEmail(o);
            writes.save(o);
            return o.id();
        });
        return get(id);
    }

    @Override
    public ObjectNode update(Operator me, String id, ObjectNode body) {
        Optional<String> password = password(body);
        writes.change(() -> {
            Operator stored = find(id);
            ObjectNode settings = OperatorJson.operator(stored);
            settings.remove(READ_ONLY);
            OperatorConfig o = parse(AdminInput.merged(settings, AdminInput.withoutReadOnly(body, id, READ_ONLY)),
                    password);
            if (me.id().equals(id) && o.role() != Role.ADMIN) {
                throw ClientError.conflict("cannot_demote_yourself",
                        "you cannot take the admin role from yourself; another admin can");
            }
            requireFreeEmail(o);
            Optional<String> hash = writes.db().read(h -> writes.workspace().passwordHash(h, id));
            boolean changed = password.filter(pw -> hash.filter(h -> Password.check(pw, h).withArgon2()).isEmpty())
                    .isPresent();
            writes.save(o);
            if (changed) {
                writes.db().useWrite(tx -> tokens.deleteAllOf(tx, id));
            }
            return id;
        });
        return get(id);
    }

    @Override
    public ObjectNode delete(Operator me, String id, boolean force) {
        if (me.id().equals(id)) {
            throw ClientError.conflict("cannot_delete_yourself", "you cannot delete yourself; another admin can");
        }
        return writes.change(() -> {
            find(id);
            return writes.db().write(tx -> {
                int moved = unassign.toInbox(tx, new Conversation.Assignee(Conversation.Assignee.Type.OPERATOR, id),
                        "operator_deleted");
                tokens.deleteAllOf(tx, id);
                store.delete(tx, AdminStore.Table.OPERATORS, id);
                return Json.object().put("deleted", id).put("unassigned", moved);
            });
        });
    }

    private Operator find(String id) {
        return writes.db().read(h -> writes.workspace().operator(h, id))
                .orElseThrow(() -> ClientError.notFound("operator", id));
    }

    private ObjectNode json(Operator o) {
        return OperatorJson.operator(o)
                .put("password_set", writes.db().read(h -> writes.workspace().passwordHash(h, o.id())).isPresent());
    }

    private OperatorConfig parse(ObjectNode body, Optional<String> password) {
        AdminInput.refuse(body, REFUSED);
        OperatorConfig o = input.parse("operators", body, writes.groupIds()).operators().getFirst();
        return new OperatorConfig(o.id(), o.name(), o.email(), o.group(), o.role(), o.skills(), o.slots(), password);
    }

    private void requireFreeEmail(OperatorConfig o) {
        writes.db().read(h -> writes.workspace().emailHolder(h, o.email().toLowerCase(Locale.ROOT)))
                .filter(other -> !other.equals(o.id())).ifPresent(other -> {
                    throw ClientError.conflict("email_taken", "operator '" + other + "' has the e-mail address "
                            + o.email() + " already (addresses ignore case)");
                });
    }

    /** The new password, when the body sets one: write-only, never stored as sent. */
    private static Optional<String> password(ObjectNode body) {
        JsonNode pw = body.get("password");
        if (pw == null || pw.isNull()) {
            return Optional.empty();
        }
        if (!pw.isTextual()) {
            throw AdminInput.invalid("password", "must be a string");
        }
        int length = pw.asText().codePointCount(0, pw.asText().length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw AdminInput.invalid("password", "must have " + MIN_PASSWORD + "–" + MAX_PASSWORD
                    + " characters, has " + length);
        }
        return Optional.of(pw.asText());
    }
}
