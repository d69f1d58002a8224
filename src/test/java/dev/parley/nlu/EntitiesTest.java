package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EntitiesTest {
    /** Thursday, 4 December 2025, 10:00 in Berlin. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 12, 4, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    private static final EntityContext EN = new EntityContext(NOW, Optional.of("DE"), "en");
    private final Entities entities = new Entities(Map.of(
            "order_id", new EntityDefinition.Matching(Pattern.compile("\\b(?:order\\s*#?\\s*)?(\\d{6})\\b")),
            "size", new EntityDefinition.Synonyms(Map.of("small", List.of("S", "klein"), "large", List.of("L", "groß")))));

    private Optional<Object> find(String entity, String text) {
        return entities.find(entity, text, EN);
    }

    @Test
    void emailsUrlsAndPhoneNumbersAreFoundInASentence() {
        assertThat(find("email", "write to ada.lovelace+shop@example.co.uk, thanks")).contains("ada.lovelace+shop@example.co.uk");
        assertThat(find("url", "see https://example.com/orders?id=7.")).contains("https://example.com/orders?id=7");
        assertThat(find("phone", "call me on 030 1234567 please")).contains("+49301234567");
        assertThat(find("phone", "my number: +1 (650) 253-0000")).contains("+16502530000");
        assertThat(find("email", "no address here")).isEmpty();
    }

    @Test
    void numbersAndAmountsWithCurrency() {
        assertThat(find("number", "I want 3 of them")).contains(new BigDecimal("3"));
        assertThat(find("number", "about 12,5 kilos")).contains(new BigDecimal("12.5"));
        assertThat(find("amount", "I was charged €12,50 twice")).contains(Map.of("value", new BigDecimal("12.50"),
                "currency", "EUR"));
        assertThat(find("amount", "a refund of 1,234.50 USD")).contains(Map.of("value", new BigDecimal("1234.50"),
                "currency", "USD"));
        assertThat(find("amount", "es waren 20 Euro")).contains(Map.of("value", new BigDecimal("20"), "currency", "EUR"));
        assertThat(find("amount", "20 apples")).isEmpty();
    }

    @Test
    void datesAndTimesAreReadRelativeToTheConversationsNowAndTimeZone() {
        assertThat(find("datetime", "tomorrow at 3")).contains("2025-12-05T15:00+01:00");
        assertThat(find("date", "next Friday would be great")).contains("2025-12-05");
        assertThat(find("date", "on monday")).contains("2025-12-08");
        assertThat(find("date", "in 2 weeks")).contains("2025-12-18");
        assertThat(find("datetime", "am 5. März um 14:30")).contains("2026-03-05T14:30+01:00");
        assertThat(find("date", "übermorgen bitte")).contains("2025-12-06");
        assertThat(find("date", "Lieferung am 24.12.2025")).contains("2025-12-24");
        assertThat(find("date", "2026-01-15")).contains("2026-01-15");
        assertThat(find("datetime", "at 9am")).as("9 am has passed today, so tomorrow").contains("2025-12-05T09:00+01:00");
        assertThat(find("date", "whenever suits you")).isEmpty();
        assertThat(find("date", "31.02.2026")).as("no such day").isEmpty();
    }

    @Test
    void aFlowsPatternsAndSynonymsAreEntitiesToo() {
        assertThat(find("order_id", "It's order #482913, please")).contains("482913");
        assertThat(find("order_id", "12345")).isEmpty();
        assertThat(find("size", "eine Nummer größer: GROSS")).contains("large");
        assertThat(find("size", "klein bitte")).contains("small");
        assertThat(entities.knows("order_id")).isTrue();
        assertThat(entities.knows("colour")).isFalse();
        assertThat(Entities.decimal("1.234,50")).isEqualByComparingTo("1234.50");
    }
}
