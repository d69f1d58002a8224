package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Splitting by UTF-8 bytes, as Threema counts its 3500: multi-byte characters fill a part sooner. */
class TextSplitTest {

    @Test
    void partsFitInBytesAndAreCutAtWords() {
        assertThat(TextSplit.atWords("äää ööö üüü", 12, TextSplit.Measure.UTF8_BYTES))
                .containsExactly("äää", "ööö", "üüü");
        assertThat(TextSplit.atWords("äää ööö", 13, TextSplit.Measure.UTF8_BYTES)).containsExactly("äää ööö");
        assertThat(TextSplit.atWords("abc äöü", 7, TextSplit.Measure.UTF8_BYTES)).containsExactly("abc", "äöü");
    }

    @Test
    void aLongWordIsCutBetweenWholeCharactersNeverInsideOne() {
        String emoji = "😀".repeat(5);
        assertThat(TextSplit.atWords(emoji, 10, TextSplit.Measure.UTF8_BYTES))
                .containsExactly("😀😀", "😀😀", "😀");
        assertThat(TextSplit.atWords("aéééé", 4, TextSplit.Measure.UTF8_BYTES)).containsExactly("aé", "éé", "é");
        assertThat(TextSplit.atWords("x".repeat(9000) + " ü".repeat(10), 3500, TextSplit.Measure.UTF8_BYTES))
                .allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(3500));
    }

    @Test
    void theUnitsMeasureIsTheOldOneAndTooSmallLimitsAreRefused() {
        assertThat(TextSplit.atWords("äää ööö üüü", 7)).containsExactly("äää ööö", "üüü");
        assertThatThrownBy(() -> TextSplit.atWords("abc", 3, TextSplit.Measure.UTF8_BYTES))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
