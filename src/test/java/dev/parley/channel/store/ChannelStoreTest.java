package dev.parley.channel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.channel.ChannelType;
import dev.parley.config.ChannelConfig;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.routing.WorkspaceApplier;
import dev.parley.store.Database;
import dev.parley.testing.StoppedClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Channels on both databases: parley.yml applied like bots (the file's channels disabled when it drops them, the
 * console's left alone), credentials kept as references only, and the activity the Channels page shows.
 */
class ChannelStoreTest {
    private static final Map<String, String> ENV = Map.of("WA_TOKEN", "token-value-1", "WA_APP_SECRET",
            "app-secret-value-1");

    @TempDir
    Path temp;

    private ParleyConfig file(String channels) {
        return ConfigLoader.parse("""
                groups: [{ id: support, name: Support }]
                widgets: [{ id: website, name: Website, group: support }]
                channels:
                """ + channels, "parley.yml", ENV);
    }

    private String whatsapp(String id) throws Exception {
        Path verify = temp.resolve(id + ".verify");
        Files.writeString(verify, "verify-value-" + id + "\n");
        return """
                  - id: %s
                    type: whatsapp
                    widget: website
                    api_base_url: http://127.0.0.1:9/v21.0
                    phone_number_id: "106540352242922"
                    access_token_env: WA_TOKEN
                    app_secret_env: WA_APP_SECRET
                    verify_token_file: %s
                """.formatted(id, verify);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theFilesChannelsAreStoredWithReferencesAndDisabledWhenTheFileDropsThem(StoreKind kind) throws Exception {
        try (TestDatabase testDb = kind.create(temp); Database db = Database.open(testDb.url())) {
            WorkspaceApplier applier = new WorkspaceApplier(db);
            ChannelStore store = new ChannelStore(db);
            assertThat(applier.apply(file(whatsapp("wa-main") + whatsapp("wa-old")))).isEmpty();
            ChannelConfig console = file(whatsapp("wa-console")).channels().getFirst();
            db.useWrite(tx -> ChannelStore.save(tx, console, Channel.Source.CONSOLE));

            Channel main = store.find("wa-main").orElseThrow();
            assertThat(main.type()).isEqualTo(ChannelType.WHATSAPP);
            assertThat(main.widget()).isEqualTo("website");
            assertThat(main.apiBaseUrl()).isEqualTo("http://127.0.0.1:9/v21.0");
            assertThat(main.settings()).isEqualTo(Map.of("phone_number_id", "106540352242922"));
            assertThat(main.credentials()).isEqualTo(Map.of("access_token_env", "WA_TOKEN", "app_secret_env",
                    "WA_APP_SECRET", "verify_token_file", temp.resolve("wa-main.verify").toString()));
            assertThat(main.source()).isEqualTo(Channel.Source.FILE);
            assertThat(store.find("wa-console").orElseThrow().source()).isEqualTo(Channel.Source.CONSOLE);
            String rows = db.read(h -> h.createQuery("SELECT * FROM channels").mapToMap().list()).toString();
            assertThat(rows).contains("WA_TOKEN").doesNotContain("token-value-1", "app-secret-value-1",
                    "verify-value-");

            ChannelConfig resolved = main.resolve(ENV);
            assertThat(resolved.secret("access_token")).isEqualTo("token-value-1");
            assertThat(resolved.secret("verify_token")).isEqualTo("verify-value-wa-main");
            assertThat(main.credential("verify_token", ENV)).contains("verify-value-wa-main");
            assertThatThrownBy(() -> main.resolve(Map.of())).isInstanceOf(ChannelCredentials.Unreadable.class)
                    .hasMessageContaining("environment variable WA_").hasMessageNotContaining("value");

            assertThat(applier.apply(file(whatsapp("wa-main")))).containsExactly("channel wa-old");
            assertThat(store.all()).extracting(Channel::id).containsExactly("wa-console", "wa-main");
            assertThat(store.find("wa-old")).isEmpty();
            assertThat(store.findWithDisabled("wa-old").orElseThrow().disabled()).isTrue();
            assertThat(store.withDisabled()).extracting(Channel::id).containsExactly("wa-console", "wa-main", "wa-old");

            assertThat(store.setDisabled("wa-console", true)).isTrue();
            assertThat(store.setDisabled("nope", true)).isFalse();
            assertThat(store.all()).extracting(Channel::id).containsExactly("wa-main");
            assertThat(applier.apply(file(whatsapp("wa-main") + whatsapp("wa-old")))).isEmpty();
            assertThat(store.all()).extracting(Channel::id).containsExactly("wa-main", "wa-old");
            assertThat(main.webhookUrl("https://chat.example.com/"))
                    .isEqualTo("https://chat.example.com/channels/wa-main/webhook");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void activityKeepsTheLastInboundOutboundAndError(StoreKind kind) {
        try (TestDatabase testDb = kind.create(temp); Database db = Database.open(testDb.url())) {
            StoppedClock clock = new StoppedClock();
            ChannelActivity activity = new ChannelActivity(db, clock);
            assertThat(activity.of("wa-main")).isEqualTo(ChannelActivity.Activity.NONE);
            Instant first = Instant.ofEpochMilli(clock.millis());
            activity.recordInbound("wa-main");
            clock.advance(Duration.ofSeconds(5));
            activity.recordOutbound("wa-main");
            clock.advance(Duration.ofSeconds(5));
            activity.recordError("wa-main", "131047: more than 24 hours since the contact last wrote"
                    + "x".repeat(600));
            clock.advance(Duration.ofSeconds(5));
            activity.recordInbound("wa-main");
            activity.recordOutbound("fb");

            ChannelActivity.Activity main = activity.of("wa-main");
            assertThat(main.lastInbound()).contains(first.plusSeconds(15));
            assertThat(main.lastOutbound()).contains(first.plusSeconds(5));
            assertThat(main.lastErrorAt()).contains(first.plusSeconds(10));
            assertThat(main.lastError().orElseThrow()).startsWith("131047: more than 24 hours").hasSize(500);
            assertThat(activity.all().keySet()).containsExactlyInAnyOrder("wa-main", "fb");
            assertThat(activity.of("fb").lastInbound()).isEqualTo(Optional.empty());
            assertThat(List.of(activity.of("fb").lastOutbound().orElseThrow())).containsExactly(first.plusSeconds(15));
        }
    }
}
