package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentModelTest {
    @TempDir
    Path temp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(IntentModelTest.class.getResource("/nlu/" + name).toURI());
    }

    private static final List<Example> SUPPORT = List.of(
            new Example("Where is my order?", "order_status"), new Example("My parcel has not arrived", "order_status"),
            new Example("Track my package", "order_status"), new Example("Talk to a human", "human"),
            new Example("I want to speak to a person", "human"), new Example("Agent please", "human"),
            new Example("Stop", "stop"), new Example("Goodbye", "stop"), new Example("That's all, thanks", "stop"));

    @Test
    void aSampleOfBanking77IsLearnedFromTenExamplesPerIntent() throws Exception {
        List<Example> train = LabelledCsv.read(resource("banking77-sample-train.csv"));
        List<Example> test = LabelledCsv.read(resource("banking77-sample-test.csv"));
        assertThat(train).hasSize(70);

        Evaluation ngrams = Evaluation.run(train, test, Embeddings.none());
        Evaluation combined = Evaluation.run(train, test, Embeddings.miniLm());

        assertThat(ngrams.intents()).isEqualTo(7);
        assertThat(ngrams.scores().accuracy()).isGreaterThanOrEqualTo(0.75);
        assertThat(combined.scores().accuracy()).isGreaterThan(ngrams.scores().accuracy());
        assertThat(combined.scores().perIntent()).hasSize(7)
                .allSatisfy(s -> assertThat(s.support()).isEqualTo(10));
    }

    @Test
    void paraphrasesAreRecognisedAndTextsUnlikeAnyExampleGetNoConfidence() {
        IntentModel model = IntentModel.train(SUPPORT, Embeddings.miniLm());

        Ranking human = model.classify("I'd rather talk to a real person");
        assertThat(human.intent()).isEqualTo("human");
        assertThat(human.confidence()).isGreaterThan(0.8);
        assertThat(human.runnerUp()).get().extracting(Ranking.Guess::confidence).satisfies(c ->
                assertThat(c).isLessThan(0.2));
        for (String strange : List.of("ada@example.com", "123456", "qwertz zxcvb", "yes")) {
            assertThat(model.classify(strange).confidence()).as(strange).isLessThan(0.3);
        }
    }

    @Test
    void trainingTwiceGivesTheSameModel() {
        Ranking first = IntentModel.train(SUPPORT, Embeddings.none()).classify("where is my parcel");
        Ranking second = IntentModel.train(SUPPORT, Embeddings.none()).classify("where is my parcel");
        assertThat(second).isEqualTo(first);
        assertThat(first.intent()).isEqualTo("order_status");
    }

    @Test
    void aSampleDrawsTheSameExamplesForTheSameSeed() {
        List<Example> many = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> new Example("text " + i, "intent" + i % 4)).toList();
        assertThat(Sample.perIntent(many, 3, 42)).hasSize(12).isEqualTo(Sample.perIntent(many, 3, 42))
                .isNotEqualTo(Sample.perIntent(many, 3, 43));
    }

    @Test
    void aBadRowOfADataSetIsNamedWithItsLine() throws Exception {
        Path csv = temp.resolve("bad.csv");
        Files.writeString(csv, "text,label\n\"Where, oh where is my card?\",card_arrival\njust text\n");
        assertThatThrownBy(() -> LabelledCsv.read(csv)).isInstanceOf(InvalidDataException.class)
                .hasMessage(csv + ":3: a row needs two non-empty columns, text and label; got 1 column(s)");
        Files.writeString(csv, "text,label\n\"Where, oh where is my card?\",card_arrival\n");
        assertThat(LabelledCsv.read(csv)).containsExactly(new Example("Where, oh where is my card?", "card_arrival"));
    }
}
