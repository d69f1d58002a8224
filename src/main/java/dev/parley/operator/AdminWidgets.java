package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.WidgetConfig;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Operator;
import dev.parley.routing.Widget;
import java.util.List;

/** Widgets: entry points for contacts, each answered with the snippet that embeds it in a web page. */
public final class AdminWidgets implements AdminResource {
    private static final List<String> READ_ONLY = List.of("embed_snippet");

    private final AdminWrites writes;
    private final AdminInput input;
    private final AdminStore store;

    AdminWidgets(AdminWrites writes, AdminInput input, AdminStore store) {
        this.writes = writes;
        this.input = input;
        this.store = store;
    }

    @Override
    public String kind() {
        return "widgets";
    }

    @Override
    public ArrayNode list() {
        ArrayNode out = Json.array();
        writes.db().read(h -> writes.workspace().widgets(h))
                .forEach(w -> out.add(AdminJson.widget(w, writes.publicBaseUrl())));
        return out;
    }

    @Override
    public ObjectNode get(String id) {
        return AdminJson.widget(find(id), writes.publicBaseUrl());
    }

    @Override
    public ObjectNode create(Operator me, ObjectNode body) {
        String id = writes.change(() -> {
            WidgetConfig w = parse(AdminInput.stripped(body, READ_ONLY));
            if (writes.db().read(h -> writes.workspace().widget(h, w.id())).isPresent()) {
                throw AdminInput.taken("widget", w.id());
            }
            writes.save(w);
            return w.id();
        });
        return get(id);
    }

    @Override
    public ObjectNode update(Operator me, String id, ObjectNode body) {
        writes.change(() -> {
            Widget stored = find(id);
            writes.save(parse(AdminInput.merged(AdminJson.widgetSettings(stored),
                    AdminInput.withoutReadOnly(body, id, READ_ONLY))));
            return id;
        });
        return get(id);
    }

    @Override
    public ObjectNode delete(Operator me, String id, boolean force) {
        return writes.change(() -> {
            find(id);
            int open = writes.db().read(h -> store.openConversationsOfWidget(h, id));
            if (open > 0) {
                throw ClientError.conflict("widget_in_use", "widget '" + id + "' has " + open + " open conversation"
                        + (open == 1 ? "" : "s") + "; end them first");
            }
            writes.db().useWrite(tx -> store.delete(tx, AdminStore.Table.WIDGETS, id));
            return Json.object().put("deleted", id);
        });
    }

    private Widget find(String id) {
        return writes.db().read(h -> writes.workspace().widget(h, id))
                .orElseThrow(() -> ClientError.notFound("widget", id));
    }

    private WidgetConfig parse(ObjectNode body) {
        AdminInput.requireDurationText(body, "live_timeout");
        return input.parse("widgets", body, writes.groupIds()).widgets().getFirst();
    }
}
