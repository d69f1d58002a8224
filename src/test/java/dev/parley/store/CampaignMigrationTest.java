package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.campaign.CampaignStore;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** V35 moves the campaign subscriptions kept on contacts (a JSON object by channel) to their own table. */
class CampaignMigrationTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void subscriptionsKeptOnTheContactMoveToTheirTable(StoreKind kind) throws Exception {
        try (TestDatabase older = kind.createEmpty(temp)) {
            DatabaseUrl url = older.url();
            Files.createDirectories(older.dataDir());
            Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
                    .locations(url.dialect().migrationLocations()).target("33").load().migrate();
            try (Database v33 = Database.connect(url)) {
                v33.useWrite(tx -> tx.handle().execute("""
                        INSERT INTO contacts (id, custom_fields, campaigns, page_tags, created_at) VALUES
                          ('ct_1', '{}', '{"web":true,"whatsapp_business":false,"junk":"yes"}', '{}', 7),
                          ('ct_2', '{}', '{}', '{}', 8)"""));
            }
            try (Database migrated = Database.open(url)) {
                CampaignStore store = new CampaignStore();
                assertThat(subscribed(migrated, store, "web")).contains(true);
                assertThat(subscribed(migrated, store, "whatsapp_business")).contains(false);
                assertThat(subscribed(migrated, store, "junk")).isEmpty();
                List<String> columns = migrated.read(h -> h.createQuery(
                        "SELECT campaigns FROM contacts ORDER BY id").mapTo(String.class).list());
                assertThat(columns).containsExactly("{}", "{}");
                int rows = migrated.read(h -> h.createQuery("SELECT COUNT(*) FROM campaign_subscriptions")
                        .mapTo(Integer.class).one());
                assertThat(rows).isEqualTo(2);
            }
        }
    }

    private static Optional<Boolean> subscribed(Database db, CampaignStore store, String channel) {
        return db.read(h -> store.subscribed(h, "ct_1", channel));
    }
}
