package dev.parley.operator;

import dev.parley.routing.Operator;
import dev.parley.store.Database;
import java.util.List;
import java.util.Optional;

/**
 * The language each operator chose for the console, kept with the operator so every browser they log in on
 * shows it. Without a choice the console follows the browser's language.
 */
public final class ConsoleLanguages {
    /** The languages the console ships message catalogs for (static/console/messages). */
    public static final List<String> SHIPPED = List.of("en", "de");

    private final Database db;

    public ConsoleLanguages(Database db) {
        this.db = db;
    }

    /** The language {@code operator} chose, if they chose one. */
    public Optional<String> of(Operator operator) {
        return db.read(h -> h.createQuery("SELECT console_language FROM operators"
                + " WHERE id = :id AND console_language IS NOT NULL")
                .bind("id", operator.id()).mapTo(String.class).findFirst()).filter(SHIPPED::contains);
    }

    /** Keeps {@code language} (one of {@link #SHIPPED}) as {@code operator}'s choice. */
    public void choose(Operator operator, String language) {
        if (!SHIPPED.contains(language)) {
            throw new IllegalArgumentException("not a shipped console language: " + language);
        }
        db.useWrite(tx -> tx.handle().createUpdate("UPDATE operators SET console_language = :l WHERE id = :id")
                .bind("l", language).bind("id", operator.id()).execute());
    }
}
