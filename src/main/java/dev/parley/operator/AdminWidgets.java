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
    private final WorkspaceObjects<Widget, WidgetConfig> widgets;

    AdminWidgets(AdminWrites writes, AdminInput input, AdminStore store) {
        this.writes = writes;
        this.input = input;
        this.store = store;
        this.widgets = new WorkspaceObjects<>(writes, "widget", h -> writes.workspace().widgets(h),
                (h, id) -> writes.workspace().widget(h, id), w -> AdminJson.widget(w, writes.publicBaseUrl()),
                WidgetConfig::id, writes::save);
    }

    @Override
    public String kind() {
        return "widgets";
    }

    @Override
    public ArrayNode list() {
        return widgets.list();
    }

    @Override
    public ObjectNode get(String id) {
        return widgets.get(id);
    }

    @Override
    public ObjectNode create(Operator me, ObjectNode body) {
        return widgets.create(() -> parse(AdminInput.stripped(body, READ_ONLY)));
    }

    @Override
    public ObjectNode update(Operator me, String id, ObjectNode body) {
        return widgets.update(id, stored -> parse(AdminInput.merged(AdminJson.widgetSettings(stored),
                AdminInput.withoutReadOnly(body, id, READ_ONLY))));
    }

    @Override
    public ObjectNode delete(Operator me, String id, boolean force) {
        return writes.change(() -> {
            widgets.find(id);
            int open = writes.db().read(h -> store.openConversationsOfWidget(h, id));
            if (open > 0) {
                throw ClientError.conflict("widget_in_use", "widget '" + id + "' has " + open + " open conversation"
                        + (open == 1 ? "" : "s") + "; end them first");
            }
            writes.db().useWrite(tx -> store.delete(tx, AdminStore.Table.WIDGETS, id));
            return Json.object().put("deleted", id);
        });
    }

    private WidgetConfig parse(ObjectNode body) {
        AdminInput.requireDurationText(body, "live_timeout");
        return input.parse("widgets", body, writes.groupIds()).widgets().getFirst();
    }
}
