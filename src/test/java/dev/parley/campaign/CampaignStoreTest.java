package dev.parley.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.channel.ChannelType;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.testing.StoppedClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Campaign subscriptions per contact and channel, on both databases. */
class CampaignStoreTest {
    @TempDir
    Path temp;

    private final StoppedClock clock = new StoppedClock();
    private final Campaigns campaigns = new Campaigns(clock);

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSubscriptionIsKeptPerContactAndChannel(StoreKind kind) {
        try (TestDatabase testDb = kind.create(temp); Database db = Database.open(testDb.url())) {
            Conversation onWhatsApp = conversation("ct_1", "website", ChannelType.WHATSAPP);
            Conversation onPromo = conversation("ct_1", "promo", ChannelType.WHATSAPP);
            Conversation onWeb = conversation("ct_1", "website", ChannelType.WEB);
            db.write(tx -> {
                onChannel(tx, onWhatsApp, "wa-main");
                onChannel(tx, onPromo, "wa-promo");
                return null;
            });
            assertThat(channelOf(db, onWhatsApp)).isEqualTo("wa-main");
            assertThat(channelOf(db, onWeb)).isEqualTo("web");
            assertThat(on(db, onWhatsApp)).isEmpty();

            db.write(tx -> {
                campaigns.set(tx, onWhatsApp, true, CampaignStore.Source.BOT);
                return null;
            });
            assertThat(on(db, onWhatsApp)).contains(true);
            assertThat(on(db, onPromo)).isEmpty();
            assertThat(on(db, onWeb)).isEmpty();
            assertThat(on(db, "ct_2", "wa-main")).isEmpty();

            clock.advance(Duration.ofMinutes(5));
            db.write(tx -> {
                campaigns.set(tx, onWhatsApp, false, CampaignStore.Source.KEYWORD);
                campaigns.set(tx, onWeb, true, CampaignStore.Source.BOT);
                return null;
            });
            assertThat(on(db, "ct_1", "wa-main")).contains(false);
            assertThat(on(db, "ct_1", "web")).contains(true);
            Map<String, Object> row = db.read(h -> h.createQuery("""
                    SELECT source, updated_at FROM campaign_subscriptions WHERE contact_id = 'ct_1'
                    AND channel = 'wa-main'""").mapToMap().one());
            assertThat(row.get("source")).isEqualTo("keyword");
            assertThat(((Number) row.get("updated_at")).longValue()).isEqualTo(clock.instant().toEpochMilli());
        }
    }

    /** The conversation as the channel pipeline records it: opened on {@code channelId}. */
    private static void onChannel(dev.parley.store.Tx tx, Conversation conv, String channelId) {
        tx.handle().createUpdate("""
                INSERT INTO channel_conversations (conversation_id, channel_id, vendor_user_id, created_at)
                VALUES (:c, :ch, '4915112345678', 0)""").bind("c", conv.id()).bind("ch", channelId).execute();
    }

    private String channelOf(Database db, Conversation conv) {
        return db.read(h -> campaigns.channelOf(h, conv));
    }

    private Optional<Boolean> on(Database db, Conversation conv) {
        return db.read(h -> campaigns.subscribed(h, conv));
    }

    private Optional<Boolean> on(Database db, String contactId, String channel) {
        return db.read(h -> campaigns.subscribed(h, contactId, channel));
    }

    static Conversation conversation(String contactId, String widget, ChannelType type) {
        return new Conversation("conv_" + contactId + widget + type, contactId, widget, "g", type.wire(),
                ConversationStatus.BOT, Optional.empty(), Optional.empty(), Optional.empty(), Json.array(),
                Optional.empty(), Json.object(), Optional.empty(), "normal", 0, Instant.EPOCH, Instant.EPOCH);
    }
}
