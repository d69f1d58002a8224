package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Webhook answers are applied event by event: one invalid or refused event is skipped, recorded in the
 * delivery log and on the admin's timeline, and the bot's other events still reach the contact.
 */
class ForgivingAnswersTest extends SuiteBotTest {
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUnknownAddOnIsSkippedAndRecordedWhileTheMessageArrives(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("crm");
            w.contact().awaitBotMessage("Your request goes to our CRM.");

            List<Map<String, Object>> log = w.awaitDelivery("addon_dispatch", "invalid_event_skipped");
            assertThat(log).filteredOn(row -> "invalid_event_skipped".equals(row.get("outcome"))).singleElement()
                    .satisfies(row -> assertThat((String) row.get("error"))
                            .startsWith("[0].packet.payload.type: add-on 'crm' is not configured"));
            JsonNode skipped = w.timeline().stream()
                    .filter(i -> i.path("packet").path("name").asText().equals("bot_event_skipped")).findFirst()
                    .orElseThrow();
            assertThat(skipped.path("packet").path("payload").path("path").asText())
                    .isEqualTo("[0].packet.payload.type");
            assertThat(skipped.path("packet").path("payload").path("event").asText()).isEqualTo("addon_dispatch");
            assertThat(w.contact().transcript()).as("the contact does not see the admin's record")
                    .noneMatch(i -> i.path("packet").path("name").asText().equals("bot_event_skipped"));
            assertThat(w.stored().sessionStatusOf(w.cid())).isEqualTo("active");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anEmailDispatchWithoutSmtpIsAcceptedAndAnUnknownOperatorSkipped(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("mail operator");
            w.contact().awaitBotMessage("Transcript ordered.");
            JsonNode dispatch = w.timeline().stream()
                    .filter(i -> i.path("packet").path("name").asText().equals("email_dispatch")).findFirst()
                    .orElseThrow();
            assertThat(dispatch.path("packet").path("payload").path("recipient"))
                    .isEqualTo(Json.object().put("type", "operator").put("id", "5"));
            assertThat(dispatch.path("packet").path("payload").path("status").asText())
                    .isEqualTo("not sent: no SMTP configured");

            w.contact().say("mail ghost");
            w.contact().awaitBotMessage("Transcript ordered for nobody.");
            List<Map<String, Object>> log = w.awaitDelivery("email_dispatch", "invalid_event_skipped");
            assertThat(log).filteredOn(row -> "invalid_event_skipped".equals(row.get("outcome"))).singleElement()
                    .satisfies(row -> assertThat((String) row.get("error"))
                            .isEqualTo("[0].packet.payload.recipient.id: no operator with id '999'"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOversizedContextOnTheFirstEventIsRefusedButItsMessageAndTheNextApply(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("big context");
            w.contact().awaitBotMessage("Remembering a lot.");
            w.contact().awaitBotMessage("Still here.");
            assertThat(w.stored().contextOf(w.cid())).isEqualTo(Json.object());
            List<Map<String, Object>> log = w.awaitDelivery("message", "delivered");
            assertThat(log).filteredOn(row -> "message".equals(row.get("event_name"))).singleElement()
                    .satisfies(row -> assertThat((String) row.get("error")).startsWith("[0].info.context is ")
                            .contains("the limit is 10240 bytes"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aForwardFailureTheBotDeclinesKeepsTheSessionGoing(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("human");
            w.contact().awaitBotMessage("Let me find a human.");
            w.awaitDelivery("forward_failed", "declined");

            w.contact().say("markdown");
            w.contact().awaitBotMessage("**Bold** news");
            assertThat(w.stored().sessionStatusOf(w.cid())).isEqualTo("active");
            assertThat(w.webhook().calls()).extracting(c -> c.packetName())
                    .containsExactly("start", "message", "forward_failed", "message");
        }
    }
}
