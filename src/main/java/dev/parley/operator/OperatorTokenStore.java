package dev.parley.operator;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code operator_tokens}: login sessions, kept only as token digests. */
final class OperatorTokenStore {

    void insert(Tx tx, String tokenHash, String operatorId, Instant now, Instant expires) {
        tx.handle().createUpdate("""
                INSERT INTO operator_tokens (token_hash, operator_id, created_at, expires_at)
                VALUES (:t, :o, :now, :exp)""")
                .bind("t", tokenHash).bind("o", operatorId).bind("now", now.toEpochMilli())
                .bind("exp", expires.toEpochMilli()).execute();
    }

    Optional<String> operatorOf(Handle h, String tokenHash, Instant now) {
        return h.createQuery("SELECT operator_id FROM operator_tokens WHERE token_hash = :t AND expires_at > :now")
                .bind("t", tokenHash).bind("now", now.toEpochMilli()).mapTo(String.class).findOne();
    }

    void deleteAllOf(Tx tx, String operatorId) {
        tx.handle().createUpdate("DELETE FROM operator_tokens WHERE operator_id = :o").bind("o", operatorId).execute();
    }
}
