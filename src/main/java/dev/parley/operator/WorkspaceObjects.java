package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * What the admin resources share: reading one kind of stored workspace object, answering it as JSON,
 * and storing a new or changed one parsed from its settings like {@code parley.yml} would be.
 *
 * @param <S> the stored object ({@code Bot}, {@code Widget}, {@code Group})
 * @param <C> its configuration, as parsed from settings
 */
final class WorkspaceObjects<S, C> {
    private final AdminWrites writes;
    private final String singular;
    private final Function<Handle, List<S>> all;
    private final BiFunction<Handle, String, Optional<S>> one;
    private final Function<S, ObjectNode> json;
    private final Function<C, String> idOf;
    private final Consumer<C> save;

    /**
     * @param singular the object's name in messages, as in {@code "bot"}
     * @param json     the object as the admin API answers it
     * @param idOf     the id a parsed configuration names
     * @param save     stores a configuration, new or changed
     */
    WorkspaceObjects(AdminWrites writes, String singular, Function<Handle, List<S>> all,
            BiFunction<Handle, String, Optional<S>> one, Function<S, ObjectNode> json, Function<C, String> idOf,
            Consumer<C> save) {
        this.writes = writes;
        this.singular = singular;
        this.all = all;
        this.one = one;
        this.json = json;
        this.idOf = idOf;
        this.save = save;
    }

    ArrayNode list() {
        ArrayNode out = Json.array();
        writes.db().read(all::apply).forEach(o -> out.add(json.apply(o)));
        return out;
    }

    ObjectNode get(String id) {
        return json.apply(find(id));
    }

    /** The stored object; 404 naming it when there is none. */
    S find(String id) {
        return writes.db().read(h -> one.apply(h, id)).orElseThrow(() -> ClientError.notFound(singular, id));
    }

    /** Stores the configuration {@code parse} makes, refusing an id in use; answers the object. */
    ObjectNode create(Supplier<C> parse) {
        String id = writes.change(() -> {
            C config = parse.get();
            String wanted = idOf.apply(config);
            if (writes.db().read(h -> one.apply(h, wanted)).isPresent()) {
                throw AdminInput.taken(singular, wanted);
            }
            save.accept(config);
            return wanted;
        });
        return get(id);
    }

    /** Stores the configuration {@code change} makes of the stored object; answers the object. */
    ObjectNode update(String id, Function<S, C> change) {
        writes.change(() -> {
            save.accept(change.apply(find(id)));
            return id;
        });
        return get(id);
    }
}
