package dev.parley.operator;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code operator_tokens}: login sessions, kept only as token digests. */
final class OperatorTokenStore {

    /** A stored session: whose it is, when it began and when it expires unless renewed. */
    record Session(String operatorId, Instant createdAt, Instant expiresAt) {}

    void insert(Tx tx, String tokenHash, String operatorId, Instant now, Instant expires) {
        tx.handle().createUpdate("""
                INSERT INTO operator_tokens (token_hash, operator_id, created_at, expires_at)
                VALUES (:t, :o, :now, :exp)""")
                .bind("t", tokenHash).bind("o", operatorId).bind("now", now.toEpochMilli())
                .bind("exp", expires.toEpochMilli()).execute();
    }

    Optional<Session> session(Handle h, String tokenHash, Instant now) {
        return h.createQuery("""
                SELECT operator_id, created_at, expires_at FROM operator_tokens
                WHERE token_hash = :t AND expires_at > :now""")
                .bind("t", tokenHash).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Session(rs.getString("operator_id"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne();
    }

    void renew(Tx tx, String tokenHash, Instant expires) {
        tx.handle().createUpdate("UPDATE operator_tokens SET expires_at = :exp WHERE token_hash = :t")
                .bind("t", tokenHash).bind("exp", expires.toEpochMilli()).execute();
    }

    void delete(Tx tx, String tokenHash) {
        tx.handle().createUpdate("DELETE FROM operator_tokens WHERE token_hash = :t").bind("t", tokenHash).execute();
    }

    void deleteAllOf(Tx tx, String operatorId) {
        tx.handle().createUpdate("DELETE FROM operator_tokens WHERE operator_id = :o").bind("o", operatorId).execute();
    }
}
