package dev.parley.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.store.Database;
import dev.parley.store.Ids;
import dev.parley.testing.MutableClock;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Choice tokens on both databases: short, stable per option, and resolved back to their choice. */
class ChoiceTokensTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anOptionGetsOneShortTokenThatResolvesBackToIt(StoreKind kind) {
        try (TestDatabase testDb = kind.create(temp); Database db = Database.open(testDb.url())) {
            ChoiceTokens tokens = new ChoiceTokens(Ids.random(), new MutableClock());
            String longOption = "option-" + "x".repeat(300);
            String yes = db.write(tx -> tokens.issue(tx, "conv_1", 7, longOption));
            String no = db.write(tx -> tokens.issue(tx, "conv_1", 7, "no"));
            String again = db.write(tx -> tokens.issue(tx, "conv_1", 7, longOption));
            String later = db.write(tx -> tokens.issue(tx, "conv_1", 9, longOption));
            assertThat(yes).isEqualTo(again).isNotEqualTo(no).isNotEqualTo(later);
            assertThat(yes.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ChoiceTokens.MAX_BYTES);
            assertThat(resolve(db, tokens, yes)).contains(new ChoiceTokens.Choice("conv_1", 7, longOption));
            assertThat(resolve(db, tokens, later)).contains(new ChoiceTokens.Choice("conv_1", 9, longOption));
            assertThat(resolve(db, tokens, "c0000")).isEmpty();
            assertThat(resolve(db, tokens, "c".repeat(65))).isEmpty();
        }
    }

    private static Optional<ChoiceTokens.Choice> resolve(Database db, ChoiceTokens tokens, String token) {
        return db.read(h -> tokens.resolve(h, token));
    }
}
