package dev.parley.operator;

import dev.parley.store.Tx;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the workspace changes {@code parley.yml} never makes: deletions and generated secrets. */
final class AdminStore {

    /** The workspace tables, by what they hold. */
    enum Table {
        GROUPS("groups_"), OPERATORS("operators"), BOTS("bots"), WIDGETS("widgets");

        private final String sql;

        Table(String sql) {
            this.sql = sql;
        }
    }

    void delete(Tx tx, Table table, String id) {
        tx.handle().createUpdate("DELETE FROM " + table.sql + " WHERE id = :id").bind("id", id).execute();
    }

    /** Replaces the bot's API token: only its digest is stored, and the old token stops working. */
    void setApiTokenHash(Tx tx, String botId, String tokenHash) {
        tx.handle().createUpdate("UPDATE bots SET api_token_hash = :h WHERE id = :id")
                .bind("h", tokenHash).bind("id", botId).execute();
    }

    /** Sets or removes the signing secret; it is kept as it is, because signing needs the secret itself. */
    void setSigningSecret(Tx tx, String botId, Optional<String> secret) {
        tx.handle().createUpdate("UPDATE bots SET signing_secret = :s WHERE id = :id")
                .bind("s", secret.orElse(null)).bind("id", botId).execute();
    }

    /** Conversations of the widget that have not ended. */
    int openConversationsOfWidget(Handle h, String widgetId) {
        return h.createQuery("SELECT COUNT(*) FROM conversations WHERE widget_id = :w AND status <> 'ended'")
                .bind("w", widgetId).mapTo(Integer.class).one();
    }
}
