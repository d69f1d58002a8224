package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebhookRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads what Parley stored, straight from its database (either kind), to check effects the API does not show. */
final class StoredState {
    private final TestParley parley;

    StoredState(TestParley parley) {
        this.parley = parley;
    }

    /** The contact row of a conversation: name, email, mobile_number, campaigns (the column as stored). */
    Map<String, Object> contactOf(String conversationId) {
        return parley.parley().database().read(h -> h.createQuery("""
                SELECT c.name, c.email, c.mobile_number, c.campaigns FROM contacts c
                JOIN conversations v ON v.contact_id = c.id WHERE v.id = :id""")
                .bind("id", conversationId).mapToMap().one());
    }

    /** The campaign subscriptions of the conversation's contact, by channel: {@code {"web": true}}. */
    JsonNode campaignsOf(String conversationId) {
        com.fasterxml.jackson.databind.node.ObjectNode byChannel = Json.object();
        parley.parley().database().read(h -> h.createQuery("""
                SELECT s.channel, s.subscribed FROM campaign_subscriptions s
                JOIN conversations v ON v.contact_id = s.contact_id WHERE v.id = :id ORDER BY s.channel""")
                .bind("id", conversationId).mapToMap().list())
                .forEach(row -> byChannel.put((String) row.get("channel"),
                        ((Number) row.get("subscribed")).intValue() == 1));
        return byChannel;
    }

    String statusOf(String conversationId) {
        return parley.parley().database().read(h -> h.createQuery("SELECT status FROM conversations WHERE id = :id")
                .bind("id", conversationId).mapTo(String.class).one());
    }

    String groupOf(String conversationId) {
        return parley.parley().database().read(h -> h.createQuery("SELECT group_id FROM conversations WHERE id = :id")
                .bind("id", conversationId).mapTo(String.class).one());
    }

    /** Forgets the contact's mobile number, so that a test can see it set again. */
    void clearMobileNumber(String conversationId) {
        parley.parley().database().useWrite(tx -> tx.handle().createUpdate("""
                UPDATE contacts SET mobile_number = NULL
                WHERE id = (SELECT contact_id FROM conversations WHERE id = :id)""").bind("id", conversationId)
                .execute());
    }

    /** The bodies of the notes on a conversation's contact, oldest first. */
    List<String> notesOfContact(String conversationId) {
        return parley.parley().database().read(h -> h.createQuery("""
                SELECT n.body FROM notes n JOIN conversations v ON v.contact_id = n.contact_id WHERE v.id = :id
                ORDER BY n.created_at, n.id""").bind("id", conversationId).mapTo(String.class).list());
    }

    JsonNode contextOf(String cid) {
        return Json.parseStored(parley.parley().database().read(h -> h.createQuery(
                "SELECT context FROM bot_sessions WHERE cid = :cid").bind("cid", cid).mapTo(String.class).one()));
    }

    String sessionStatusOf(String cid) {
        return parley.parley().database().read(h -> h.createQuery(
                "SELECT status FROM bot_sessions WHERE cid = :cid").bind("cid", cid).mapTo(String.class).one());
    }

    long conversationCount() {
        return parley.parley().database().read(h -> h.createQuery("SELECT COUNT(*) FROM conversations")
                .mapTo(Long.class).one());
    }

    /** The delivery log of one session, oldest first. */
    List<Map<String, Object>> deliveriesOf(String cid) {
        return parley.parley().database().read(h -> h.createQuery("""
                SELECT event_name, outcome, error, status_code, attempt, event_id, latency_ms, at, request_body,
                  response_body FROM deliveries WHERE cid = :cid ORDER BY id""")
                .bind("cid", cid).mapToMap().list());
    }

    /**
     * Proves that the bot gets no more calls: once the outbox has nothing queued and nothing in delivery,
     * the webhook count is {@code expected}.
     */
    void assertBotHearsNothingMore(WebhookRecorder webhook, int expected) {
        await("outbox drained").atMost(Duration.ofSeconds(10)).until(parley::drained);
        assertThat(webhook.calls()).hasSize(expected);
    }
}
