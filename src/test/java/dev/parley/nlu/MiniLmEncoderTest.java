package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {
    private static final String LONG = "I made a transfer from my bank account to my landlord last Monday morning and it"
            + " still has not arrived on his side three days later so could you please check for me what happened to"
            + " it and";

    private static float[] embed(String text) {
        return Embeddings.miniLm().embed(List.of(text)).getFirst();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        return dot;
    }

    @Test
    void embeddingsHaveUnitLengthAndParaphrasesLieCloserThanOtherTexts() {
        float[] order = embed("Where is my order?");
        float[] parcel = embed("My parcel has not arrived yet");
        float[] human = embed("I want to speak to a person");

        assertThat(order).hasSize(Embeddings.miniLm().dimensions());
        assertThat(cosine(order, order)).isCloseTo(1.0, within(1e-5));
        assertThat(cosine(order, parcel)).isGreaterThan(cosine(order, human));
    }

    @Test
    void onlyTheFirstTokensOfALongTextAreEncodedSoItsCostIsBounded() {
        assertThat(LONG.split(" ")).hasSizeGreaterThan(MiniLmEncoder.MAX_TOKENS);

        float[] one = embed(LONG + " why it is taking so long");
        float[] other = embed(LONG + " whether the money was lost");
        float[] batch = Embeddings.miniLm().embed(List.of("Where is my order?", LONG + " why it is taking so long")).get(1);

        assertThat(other).containsExactly(one, within(1e-6f));
        assertThat(batch).containsExactly(one, within(1e-6f));
        assertThat(cosine(embed("Where is my order? Cancel it"), embed("Where is my order? Track it")))
                .isLessThan(0.99);
    }
}
