package dev.parley.conversation;

import dev.parley.error.ClientError;
import dev.parley.store.Tx;
import java.util.Optional;

/**
 * How many bytes of files contacts may store in one conversation. Charged in the transaction that
 * appends the upload, under the conversation's lock, so parallel uploads cannot pass it together.
 */
public record MediaQuota(long bytesPerConversation) {

    public void charge(Tx tx, String conversationId, long bytes) {
        long used = tx.handle().createQuery("SELECT bytes FROM conversation_media_usage WHERE conversation_id = :c")
                .bind("c", conversationId).mapTo(Long.class).findOne().orElse(0L);
        if (used + bytes > bytesPerConversation) {
            throw new ClientError(ClientError.Kind.TOO_LARGE, "media_quota_exceeded", "this conversation holds "
                    + used + " bytes of files; with this one (" + bytes + " bytes) it would pass its quota of "
                    + bytesPerConversation + " bytes", Optional.of("file"), Optional.empty());
        }
        tx.handle().createUpdate("""
                INSERT INTO conversation_media_usage (conversation_id, bytes) VALUES (:c, :b)
                ON CONFLICT (conversation_id) DO UPDATE SET bytes = conversation_media_usage.bytes + :b""")
                .bind("c", conversationId).bind("b", bytes).execute();
    }
}
