package dev.parley.privacy;

import dev.parley.store.Database;
import dev.parley.store.Dialect;
import dev.parley.testing.TestParley;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What is stored, read straight from every table and the media folder, to look for what must be gone. */
final class StoredTraces {
    private StoredTraces() {}

    /** Every row of every table, as text. */
    static String allTables(Database db) {
        String tables = db.dialect() == Dialect.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
        return db.read(h -> {
            StringBuilder all = new StringBuilder();
            for (String table : h.createQuery(tables).mapTo(String.class).list()) {
                h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> all.append(table).append(row)
                        .append('\n'));
            }
            return all.toString();
        });
    }

    static int count(Database db, String sql) {
        return db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /** The names of the files under the media folder (each named by its media id). */
    static List<String> mediaFiles(TestParley parley) {
        Path root = parley.database().dataDir().resolve("media");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
