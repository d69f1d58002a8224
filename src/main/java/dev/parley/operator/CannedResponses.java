package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.Role;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Operator;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Saved replies an operator inserts by typing {@code /shortcut} in the composer: for the whole workspace or
 * for one group. Every operator reads those of the workspace and of their group (admins read all); only admins
 * write them. A shortcut is unique within its scope.
 */
public final class CannedResponses {
    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final String WORKSPACE = "";

    /** A response as written: {@code groupId} empty means the whole workspace. */
    public record Draft(String shortcut, String body, Optional<String> groupId) {}

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final WorkspaceStore workspace;

    public CannedResponses(Database db, Clock clock, Ids ids, WorkspaceStore workspace) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.workspace = workspace;
    }

    public ObjectNode list(Operator me) {
        return db.read(h -> {
            ObjectNode out = Json.object();
            ArrayNode items = out.putArray("items");
            h.createQuery("SELECT * FROM canned_responses WHERE :admin = 1 OR group_id IN ('', :group)"
                    + " ORDER BY shortcut, group_id").bind("admin", me.role() == Role.ADMIN ? 1 : 0)
                    .bind("group", me.groupId()).mapToMap().forEach(row -> items.add(json(row)));
            return out;
        });
    }

    public ObjectNode create(Operator me, Draft draft) {
        AdminService.requireAdmin(me);
        String id = ids.next("canned");
        db.useWrite(tx -> {
            check(tx, draft, Optional.empty());
            tx.handle().createUpdate("""
                    INSERT INTO canned_responses (id, group_id, shortcut, body, updated_at)
                    VALUES (:id, :group, :shortcut, :body, :now)""").bind("id", id)
                    .bind("group", draft.groupId().orElse(WORKSPACE)).bind("shortcut", draft.shortcut())
                    .bind("body", draft.body()).bind("now", clock.millis()).execute();
        });
        return get(id);
    }

    public ObjectNode update(Operator me, String id, Draft draft) {
        AdminService.requireAdmin(me);
        db.useWrite(tx -> {
            find(tx.handle(), id);
            check(tx, draft, Optional.of(id));
            tx.handle().createUpdate("""
                    UPDATE canned_responses SET group_id = :group, shortcut = :shortcut, body = :body,
                    updated_at = :now WHERE id = :id""").bind("id", id)
                    .bind("group", draft.groupId().orElse(WORKSPACE)).bind("shortcut", draft.shortcut())
                    .bind("body", draft.body()).bind("now", clock.millis()).execute();
        });
        return get(id);
    }

    public void delete(Operator me, String id) {
        AdminService.requireAdmin(me);
        db.useWrite(tx -> {
            find(tx.handle(), id);
            tx.handle().createUpdate("DELETE FROM canned_responses WHERE id = :id").bind("id", id).execute();
        });
    }

    private ObjectNode get(String id) {
        return db.read(h -> json(find(h, id)));
    }

    private static Map<String, Object> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM canned_responses WHERE id = :id").bind("id", id).mapToMap().findOne()
                .orElseThrow(() -> ClientError.notFound("canned response", id));
    }

    private void check(Tx tx, Draft draft, Optional<String> self) {
        if (!SHORTCUT.matcher(draft.shortcut()).matches()) {
            throw ClientError.badRequest("invalid_field", "shortcut must be 1–32 lower-case letters, digits, - or _,"
                    + " starting with a letter or digit, got '" + draft.shortcut() + "'", "shortcut");
        }
        draft.groupId().ifPresent(g -> workspace.group(tx.handle(), g).orElseThrow(() -> ClientError.unprocessable(
                "unknown_group", "group_id '" + g + "' names no group", "group_id")));
        boolean taken = tx.handle().createQuery("SELECT COUNT(*) FROM canned_responses WHERE group_id = :group"
                + " AND shortcut = :shortcut AND id <> :self").bind("group", draft.groupId().orElse(WORKSPACE))
                .bind("shortcut", draft.shortcut()).bind("self", self.orElse("")).mapTo(Integer.class).one() > 0;
        if (taken) {
            throw ClientError.conflict("shortcut_taken", "/" + draft.shortcut() + " already exists "
                    + draft.groupId().map(g -> "for group '" + g + "'").orElse("for the workspace"));
        }
    }

    private static ObjectNode json(Map<String, Object> row) {
        String group = (String) row.get("group_id");
        return Json.object().put("id", (String) row.get("id")).put("shortcut", (String) row.get("shortcut"))
                .put("body", (String) row.get("body")).put("group_id", group.isEmpty() ? null : group)
                .put("updated_at", Instant.ofEpochMilli(((Number) row.get("updated_at")).longValue())
                        .toString());
    }
}
