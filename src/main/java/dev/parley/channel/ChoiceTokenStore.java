package dev.parley.channel;

import dev.parley.store.Tx;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for {@code choice_tokens}. */
final class ChoiceTokenStore {

    Optional<String> find(Handle h, String conversationId, long choiceSeq, String optionId) {
        return h.createQuery("""
                SELECT token FROM choice_tokens
                WHERE conversation_id = :conv AND choice_seq = :seq AND option_id = :option""")
                .bind("conv", conversationId).bind("seq", choiceSeq).bind("option", optionId)
                .mapTo(String.class).findOne();
    }

    void insert(Tx tx, String token, ChoiceTokens.Choice choice, Instant at) {
        tx.handle().createUpdate("""
                INSERT INTO choice_tokens (token, conversation_id, choice_seq, option_id, created_at)
                VALUES (:token, :conv, :seq, :option, :at)""")
                .bind("token", token).bind("conv", choice.conversationId()).bind("seq", choice.choiceSeq())
                .bind("option", choice.optionId()).bind("at", at.toEpochMilli()).execute();
    }

    Optional<ChoiceTokens.Choice> resolve(Handle h, String token) {
        return h.createQuery("SELECT conversation_id, choice_seq, option_id FROM choice_tokens WHERE token = :token")
                .bind("token", token)
                .map((rs, ctx) -> new ChoiceTokens.Choice(rs.getString("conversation_id"), rs.getLong("choice_seq"),
                        rs.getString("option_id")))
                .findOne();
    }
}
