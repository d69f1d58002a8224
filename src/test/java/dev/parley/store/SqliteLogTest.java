package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's write-ahead log under steady writes and reads: readers that keep arriving, each on a
 * snapshot a little older than the last commit, can stop passive checkpoints from ever finishing, so a
 * log that is not rewound grows by every page ever written (and with it the cost of every commit and
 * read). It must start again from its beginning every second or so.
 */
class SqliteLogTest {
    @TempDir
    Path dir;

    @Test
    void theLogIsRewoundWhileReadersKeepArriving() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        try (Database db = Database.open(DatabaseUrl.sqlite(dir.resolve("parley.db")))) {
            db.useWrite(tx -> tx.handle().execute("CREATE TABLE pad (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        db.read(h -> h.inTransaction(t -> {
                            long max = t.createQuery("SELECT max(id) FROM pad").mapTo(Long.class).one();
                            sleep(10);
                            return max;
                        }));
                    }
                }));
                Thread.sleep(3);
            }
            for (int i = 0; i < 8; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        db.useWrite(tx -> tx.handle().createUpdate("INSERT INTO pad (body) VALUES (:b)")
                                .bind("b", "x".repeat(200)).execute());
                        commits.incrementAndGet();
                    }
                }));
            }
            // frames in the log since it was last rewound, sampled the way the checkpoint thread sees them
            List<Long> frames = new ArrayList<>();
            long end = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < end) {
                frames.add(db.read(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                        .map((rs, ctx) -> rs.getLong(2)).one()));
                Thread.sleep(50);
            }
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            int rewinds = 0;
            for (int i = 1; i < frames.size(); i++) {
                if (frames.get(i) < frames.get(i - 1)) {
                    rewinds++;
                }
            }
            assertThat(commits.get()).isGreaterThan(1_000);
            assertThat(rewinds).as("times the log started again from its beginning in 4 s; frames seen: %s", frames)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
