package dev.parley.braze;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for {@code braze_alerts}. */
final class AlertStore {

    /** Raises the alert of {@code kind}, or updates its message while it is raised. */
    void raise(Tx tx, String kind, String message, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO braze_alerts (kind, message, raised_at) VALUES (:k, :m, :now)
                ON CONFLICT (kind) DO UPDATE SET message = excluded.message,
                  raised_at = CASE WHEN braze_alerts.cleared_at IS NULL THEN braze_alerts.raised_at
                                   ELSE excluded.raised_at END,
                  cleared_at = NULL""")
                .bind("k", kind).bind("m", message).bind("now", now.toEpochMilli()).execute();
    }

    /** Clears every raised alert of {@code kinds}. */
    void clear(Tx tx, List<String> kinds, Instant now) {
        tx.handle().createUpdate("UPDATE braze_alerts SET cleared_at = :now WHERE cleared_at IS NULL AND kind IN (<k>)")
                .bind("now", now.toEpochMilli()).bindList("k", kinds).execute();
    }

    /** The alerts raised and not cleared, oldest first. */
    List<BrazeAlert> raised(Handle h) {
        return h.createQuery("SELECT kind, message, raised_at FROM braze_alerts WHERE cleared_at IS NULL ORDER BY raised_at, kind")
                .map((rs, ctx) -> new BrazeAlert(rs.getString("kind"), rs.getString("message"),
                        Instant.ofEpochMilli(rs.getLong("raised_at"))))
                .list();
    }

    boolean isRaised(Handle h, String kind) {
        return h.createQuery("SELECT COUNT(*) FROM braze_alerts WHERE kind = :k AND cleared_at IS NULL")
                .bind("k", kind).mapTo(Integer.class).one() > 0;
    }
}
