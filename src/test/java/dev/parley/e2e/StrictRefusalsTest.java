package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.HttpAnswer;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What protects data stays strict (chatbot spec §4.2): forwards to groups or skills that do not exist, a
 * note on another contact, an add-on that is not configured — refused whole with a 400 naming the path on
 * the API URL, skipped and recorded in a webhook answer.
 */
class StrictRefusalsTest extends SuiteBotTest {
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theApiUrlRefusesWholeRequestsNamingWhatDoesNotExist(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            String hello = "{\"name\":\"message\",\"payload\":{\"body\":\"never shown\"}}";
            assertRefused(w.api(hello, "{\"name\":\"forward_group\",\"payload\":{\"group_id\":\"nowhere\"}}"),
                    "unknown_group", "[1].packet.payload.group_id", "no group with id 'nowhere'; known: 7, support");
            assertRefused(w.api(hello, "{\"name\":\"forward_skills\",\"payload\":{\"skills\":[\"klingon\"]}}"),
                    "unknown_skill", "[1].packet.payload.skills[0]", "no operator has the skill 'klingon'");
            assertRefused(w.api(hello, "{\"name\":\"note_create\",\"payload\":{\"body\":\"x\","
                    + "\"contact_identity_id\":\"ct_stranger\"}}"), "unknown_contact",
                    "[1].packet.payload.contact_identity_id", "'ct_stranger' is not the contact of this session");
            assertRefused(w.api(hello, "{\"name\":\"addon_dispatch\",\"payload\":{\"type\":\"crm\"}}"),
                    "unknown_addon", "[1].packet.payload.type", "add-on 'crm' is not configured");
            assertRefused(w.api(hello, "{\"name\":\"contact_update\",\"payload\":{\"mobile_number\":\"123\"}}"),
                    "invalid_event", "[1].packet.payload.mobile_number", "'123' is not a valid phone number");

            assertThat(w.contact().transcript()).noneMatch(i -> i.path("packet").path("payload").path("body")
                    .asText().equals("never shown"));
            assertThat(w.stored().groupOf(w.contact().conversationId())).isEqualTo("support");
            assertThat(w.stored().sessionStatusOf(w.cid())).isEqualTo("active");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWebhookAnswerSkipsTheRefusedEventAndTheContactStaysWithTheBot(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("group nowhere");
            w.contact().awaitBotMessage("That team does not exist, I stay with you.");
            w.contact().say("klingon");
            w.contact().awaitBotMessage("Nobody speaks Klingon here.");
            w.contact().say("note stranger");
            w.contact().awaitBotMessage("Note attempted.");
            w.contact().say("note mine");
            w.contact().awaitBotMessage("Noted about you.");

            List<Map<String, Object>> log = w.awaitDelivery("note_create", "invalid_event_skipped");
            assertThat(log).filteredOn(row -> "invalid_event_skipped".equals(row.get("outcome")))
                    .extracting(row -> (String) row.get("error")).containsExactly(
                            "[0].packet.payload.group_id: no group with id 'nowhere'; known: 7, support",
                            "[0].packet.payload.skills[0]: no operator has the skill 'klingon'; operators' skills:"
                                    + " none",
                            "[0].packet.payload.contact_identity_id: 'ct_stranger' is not the contact of this"
                                    + " session; use info.contact.id of the webhook call");
            assertThat(w.stored().groupOf(w.contact().conversationId())).isEqualTo("support");
            assertThat(w.stored().statusOf(w.contact().conversationId())).isEqualTo("bot");
            assertThat(w.stored().notesOfContact(w.contact().conversationId())).containsExactly("likes tea");
            assertThat(w.timeline()).filteredOn(i -> i.path("packet").path("name").asText()
                    .equals("bot_event_skipped")).hasSize(3);
        }
    }

    private static void assertRefused(HttpAnswer answer, String code, String path, String message) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.json().path("error").path("code").asText()).isEqualTo(code);
        assertThat(answer.json().path("error").path("path").asText()).isEqualTo(path);
        assertThat(answer.json().path("error").path("message").asText()).contains(message);
    }
}
