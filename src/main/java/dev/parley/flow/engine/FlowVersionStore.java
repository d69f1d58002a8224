package dev.parley.flow.engine;

import dev.parley.store.Database;
import java.time.Clock;
import java.util.Optional;

/** SQL for the {@code flow_versions} table: the source of each flow version that was run. */
final class FlowVersionStore {
    private final Database db;
    private final Clock clock;

    FlowVersionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The version's source, stored once. */
    void keep(String version, String flowId, String sourceName, String source) {
        db.useWrite(tx -> {
            boolean known = tx.handle().createQuery("SELECT COUNT(*) FROM flow_versions WHERE version = :v")
                    .bind("v", version).mapTo(Integer.class).one() > 0;
            if (!known) {
                tx.handle().createUpdate("""
                        INSERT INTO flow_versions (version, flow_id, source_name, source, loaded_at)
                        VALUES (:v, :id, :name, :source, :at)""")
                        .bind("v", version).bind("id", flowId).bind("name", sourceName).bind("source", source)
                        .bind("at", clock.millis()).execute();
            }
        });
    }

    /** The source name and text of {@code version}. */
    Optional<Source> find(String version) {
        return db.read(h -> h.createQuery("SELECT source_name, source FROM flow_versions WHERE version = :v")
                .bind("v", version).map((rs, ctx) -> new Source(rs.getString("source_name"), rs.getString("source")))
                .findOne());
    }

    record Source(String name, String text) {
    }
}
