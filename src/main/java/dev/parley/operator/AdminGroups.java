package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.GroupConfig;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Group;
import dev.parley.routing.Operator;
import java.util.ArrayList;
import java.util.List;

/** Operator groups; one in use by operators, bots or widgets cannot be deleted. */
public final class AdminGroups implements AdminResource {
    private final AdminWrites writes;
    private final AdminInput input;
    private final AdminStore store;
    private final WorkspaceObjects<Group, GroupConfig> groups;

    AdminGroups(AdminWrites writes, AdminInput input, AdminStore store) {
        this.writes = writes;
        this.input = input;
        this.store = store;
        this.groups = new WorkspaceObjects<>(writes, "group", h -> writes.workspace().groups(h),
                (h, id) -> writes.workspace().group(h, id), AdminJson::group, GroupConfig::id, writes::save);
    }

    @Override
    public String kind() {
        return "groups";
    }

    @Override
    public ArrayNode list() {
        return groups.list();
    }

    @Override
    public ObjectNode get(String id) {
        return groups.get(id);
    }

    @Override
    public ObjectNode create(Operator me, ObjectNode body) {
        return groups.create(() -> parse(body));
    }

    @Override
    public ObjectNode update(Operator me, String id, ObjectNode body) {
        return groups.update(id, stored -> parse(AdminInput.merged(AdminJson.group(stored),
                AdminInput.withoutReadOnly(body, id, List.of()))));
    }

    @Override
    public ObjectNode delete(Operator me, String id, boolean force) {
        return writes.change(() -> {
            groups.find(id);
            List<String> users = writes.db().read(h -> {
                List<String> counts = new ArrayList<>();
                count(counts, writes.workspace().operatorsOfGroup(h, id).size(), "operator");
                count(counts, writes.workspace().botsOfGroup(h, id).size(), "bot");
                count(counts, (int) writes.workspace().widgets(h).stream()
                        .filter(w -> w.groupId().equals(id)).count(), "widget");
                return counts;
            });
            if (!users.isEmpty()) {
                throw ClientError.conflict("group_in_use", "group '" + id + "' is used by " + String.join(", ", users)
                        + "; move them to another group or delete them first");
            }
            writes.db().useWrite(tx -> store.delete(tx, AdminStore.Table.GROUPS, id));
            return Json.object().put("deleted", id);
        });
    }

    private GroupConfig parse(ObjectNode body) {
        return input.parse("groups", body, List.of()).groups().getFirst();
    }

    private static void count(List<String> counts, int n, String what) {
        if (n > 0) {
            counts.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }
}
