package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.Items;
import dev.parley.testing.StoreKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fields as a bot developer naturally writes them (chatbot spec §4.2): numeric ids, phone numbers as
 * people type them, {@code link} for a media file, {@code markdown}, a {@code delay} with no parameters.
 */
class LenientFieldsTest extends SuiteBotTest {
    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void phoneNumbersAreReadAsWrittenAndStoredInE164(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("phone intl");
            w.contact().awaitBotMessage("Number saved.");
            assertThat(w.stored().contactOf(w.contact().conversationId())).containsEntry("mobile_number",
                    "+4915112345678");

            w.stored().clearMobileNumber(w.contact().conversationId());
            w.contact().say("phone national");
            w.contact().awaitBotMessage("National number saved.");
            assertThat(w.stored().contactOf(w.contact().conversationId())).as("read in the widget's region DE")
                    .containsEntry("mobile_number", "+4915112345678");

            w.contact().say("phone nonsense");
            w.contact().awaitBotMessage("Number noted.");
            List<Map<String, Object>> log = w.awaitDelivery("contact_update", "invalid_event_skipped");
            assertThat(log).filteredOn(row -> "invalid_event_skipped".equals(row.get("outcome"))).singleElement()
                    .satisfies(row -> assertThat((String) row.get("error")).startsWith(
                            "[0].packet.payload.mobile_number: 'call me maybe' is not a valid phone number"));
            assertThat(w.stored().contactOf(w.contact().conversationId())).containsEntry("mobile_number",
                    "+4915112345678");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void markdownAnUnknownFormatAndAnEmptyDelayAreTakenAsMeant(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            w.contact().say("markdown");
            JsonNode bold = w.contact().awaitBotMessage("**Bold** news");
            assertThat(bold.path("packet").path("payload").path("text_format").asText()).isEqualTo("markdown_v1");

            w.contact().say("fancy format");
            JsonNode plain = w.contact().awaitBotMessage("Shown anyway");
            assertThat(plain.path("packet").path("payload").path("text_format").asText()).isEqualTo("plain");
            assertThat(w.awaitDelivery("message", "delivered")).anySatisfy(row -> assertThat((String) row.get("error"))
                    .isEqualTo("[0].packet.payload.text_format 'fancy' is not a text format (plain, markdown_v1);"
                            + " the message is shown as plain text"));

            w.contact().say("pause");
            JsonNode first = w.contact().awaitBotMessage("One moment...");
            JsonNode after = w.contact().awaitBotMessage("Done waiting.");
            assertThat(java.time.Duration.between(java.time.Instant.parse(first.path("at").asText()),
                    java.time.Instant.parse(after.path("at").asText()))).as("the default delay of one second")
                    .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(900));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anUploadIsEchoedBackWithLinkAndANumericGroupIdForwards(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            HttpAnswer upload = w.contact().upload("cat.png", "image/png", PNG);
            assertThat(upload.status()).as("%s", upload).isEqualTo(202);
            w.contact().awaitBotMessage("Nice picture, here it is back.");
            JsonNode echoed = w.contact().awaitItem("the picture back", Items.fromBot("media"));
            assertThat(echoed.path("packet").path("payload").path("type").asText()).isEqualTo("image");
            assertThat(echoed.path("packet").path("payload").path("url").asText()).as("Parley's own copy")
                    .matches("http://localhost:8080/media/[0-9a-f]{32}/cat\\.png");

            w.contact().say("group seven");
            w.contact().awaitItem("forward", Items.packet("conversation_forwarded"));
            assertThat(w.stored().groupOf(w.contact().conversationId())).isEqualTo("7");
            assertThat(w.stored().sessionStatusOf(w.cid())).isEqualTo("ended");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theApiUrlTakesNumericIdsAndNationalNumbersToo(StoreKind kind, @TempDir Path dir) {
        try (SuiteBotWorkspace w = SuiteBotWorkspace.start(kind, dir, bot)) {
            HttpAnswer applied = w.api(
                    "{\"name\":\"contact_update\",\"payload\":{\"mobile_number\":\"0151/1234 5678\"}}",
                    "{\"name\":\"message\",\"payload\":{\"body\":\"Hi\",\"text_format\":\"html\"}}",
                    "{\"name\":\"email_dispatch\",\"payload\":{\"recipient\":{\"type\":\"operator\",\"id\":5}}}",
                    "{\"name\":\"forward_group\",\"payload\":{\"group_id\":7}}");
            assertThat(applied.status()).as("%s", applied).isEqualTo(200);
            assertThat(applied.json().path("applied").asInt()).isEqualTo(4);
            assertThat(applied.json().path("warnings").get(0).asText())
                    .startsWith("[1].packet.payload.text_format 'html' is not a text format");
            assertThat(w.stored().contactOf(w.contact().conversationId())).containsEntry("mobile_number",
                    "+4915112345678");
            assertThat(w.stored().groupOf(w.contact().conversationId())).isEqualTo("7");
        }
    }
}
