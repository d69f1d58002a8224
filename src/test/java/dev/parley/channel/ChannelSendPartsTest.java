package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.json.Json;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A packet sent in several parts (a bot's 5,000-character text: two WhatsApp parts, three Messenger ones): a retry
 * goes on with the first part the vendor has not taken, and the packet's vendor id stays the first part's.
 */
class ChannelSendPartsTest {
    private static final String WA_ID = "16505551234";
    private static final String PSID = "2417219378327812";
    /** The Messenger stand-in's first message id. */
    private static final String FIRST_MID = "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_1";
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The stand-in's first wamid: it numbers the messages it accepts from 1. */
    private static final String FIRST_WAMID = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI1";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLongWhatsAppTextResumesWithThePartMetaDidNotTake(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            rig.whatsApp.graph().failNth(2, 503, 2, "Service temporarily unavailable");
            assertThat(rig.whatsApp(ChannelRig.text(WA_ID, "wamid.long1", "long 4990")).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> rig.count("channel_outbound") == 1);

            String body = rig.stored("message").getLast().path("body").asText();
            assertThat(body.length()).isBetween(4990, 5000);
            List<String> taken = rig.whatsAppTexts();
            // part 2 is refused once (503), then taken; part 1 is never sent again
            assertThat(taken).hasSize(3);
            assertThat(taken.get(1)).isEqualTo(taken.get(2));
            List<String> parts = List.of(taken.get(0), taken.get(2));
            assertThat(parts).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
            assertThat(String.join(" ", parts)).isEqualTo(body);

            String recorded = rig.parley.parley().database().read(h -> h.createQuery(
                    "SELECT vendor_message_id FROM channel_outbound").mapTo(String.class).one());
            assertThat(recorded).isEqualTo(FIRST_WAMID);
            assertThat(rig.stored("channel_error")).isEmpty();
            await().atMost(WAIT).until(() -> rig.count("outbox") == 0);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aLongMessengerTextGoesOnFromItsSecondPartAfterA503(StoreKind kind) {
        try (ChannelRig rig = new ChannelRig(kind, temp)) {
            rig.messenger.graph().failNth(2, 503, 2, "Service temporarily unavailable");
            assertThat(rig.messenger(MetaWebhooks.messenger(PSID, "message",
                    Json.object().put("mid", "m.long1").put("text", "long 4990"))).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> rig.count("channel_outbound") == 1);

            String body = rig.stored("message").getLast().path("body").asText();
            List<String> taken = rig.messengerTexts();
            // three parts of at most 2,000 characters; the second is refused once, then taken with the third
            assertThat(taken).hasSize(4);
            assertThat(taken.get(1)).isEqualTo(taken.get(2));
            List<String> parts = List.of(taken.get(0), taken.get(2), taken.get(3));
            assertThat(parts).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
            assertThat(String.join(" ", parts)).isEqualTo(body);

            String recorded = rig.parley.parley().database().read(h -> h.createQuery(
                    "SELECT vendor_message_id FROM channel_outbound").mapTo(String.class).one());
            assertThat(recorded).isEqualTo(FIRST_MID);
            assertThat(rig.stored("channel_error")).isEmpty();
        }
    }
}
