package dev.parley.addon;

import static dev.parley.addon.DispatchWorkspace.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.store.Ids;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DispatchRestartTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDispatchQueuedBeforeARestartIsDeliveredAfterIt(StoreKind kind) {
        AtomicBoolean crmUp = new AtomicBoolean(false);
        try (WebhookRecorder bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
                WebhookRecorder crm = WebhookRecorder.start((h, body) -> crmUp.get() ? WebhookRecorder.Reply.empty()
                        : new WebhookRecorder.Reply(503, ""));
                TestDatabase db = kind.create(temp)) {
            ParleyConfig config = ConfigLoader.parse(DispatchWorkspace.yaml(bot.url(), crm.url(), "", ""), "parley.yml",
                    DispatchWorkspace.ENV);
            String conversationId;
            try (Parley first = Parley.start(db.settings(), config, Clock.systemUTC(), Ids.random())) {
                String baseUrl = "http://127.0.0.1:" + first.port();
                conversationId = WebContact.open(DispatchWorkspace.HTTP, baseUrl, "web").conversationId();
                await().atMost(Duration.ofSeconds(10)).until(() -> !bot.calls().isEmpty());
                String cid = bot.calls().getFirst().cid();
                assertThat(DispatchWorkspace.sendAt(baseUrl, cid, event("addon_dispatch", "{\"type\":\"crm\"}"),
                        event("end", "{}")).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(10)).until(() -> !crm.calls().isEmpty());
            }
            crmUp.set(true);
            try (Parley second = Parley.start(db.settings(), config, Clock.systemUTC(), Ids.random())) {
                await().atMost(Duration.ofSeconds(15)).until(() -> crm.calls().stream()
                        .anyMatch(c -> c.reply().status() == 200));
                List<WebhookRecorder.Call> calls = crm.calls();
                assertThat(calls).extracting(WebhookRecorder.Call::eventId).containsOnly(calls.getFirst().eventId());
                assertThat(calls.getLast().body().path("conversation").path("id").asText()).isEqualTo(conversationId);
                assertThat(calls).filteredOn(c -> c.reply().status() == 200).hasSize(1);
            }
        }
    }
}
