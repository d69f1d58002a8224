package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
        Commits commits = new Commits();
        try (Database db = Database.open(DatabaseUrl.sqlite(dir.resolve("parley.db")))) {
            db.useWrite(tx -> tx.handle().execute("CREATE TABLE pad (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // each reader keeps its snapshot over a different number of commits, so their ends do not line up
                int span = 10 + 3 * i;
                threads.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        db.read(h -> h.inTransaction(t -> {
                            // the first readers may start before any writer has committed: max() of no rows is NULL
                            long max = t.createQuery("SELECT coalesce(max(id), 0) FROM pad").mapTo(Long.class).one();
                            commits.awaitMore(span, running);
                            return max;
                        }));
                    }
                }));
            }
            for (int i = 0; i < 8; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        db.useWrite(tx -> tx.handle().createUpdate("INSERT INTO pad (body) VALUES (:b)")
                                .bind("b", "x".repeat(200)).execute());
                        commits.add();
                    }
                }));
            }
            // frames in the log since it was last rewound, sampled every 50 ms the way the checkpoint thread
            // sees them, until the log has started again from its beginning twice (bounded: a log that never
            // rewinds fails the test)
            List<Long> frames = new CopyOnWriteArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> frames.add(db.read(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                    .map((rs, ctx) -> rs.getLong(2)).one())), 0, 50, TimeUnit.MILLISECONDS);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> rewinds(frames) >= 2 && commits.count() > 1_000);
            } finally {
                sampler.shutdown();
                assertThat(sampler.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                running.set(false);
                commits.add();
                for (Thread t : threads) {
                    t.join();
                }
            }
            assertThat(commits.count()).isGreaterThan(1_000);
        }
    }

    private static int rewinds(List<Long> frames) {
        int rewinds = 0;
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i) < frames.get(i - 1)) {
                rewinds++;
            }
        }
        return rewinds;
    }

    /** Counts commits; readers wait on it to keep their snapshot open while others commit. */
    private static final class Commits {
        private long count;

        synchronized void add() {
            count++;
            notifyAll();
        }

        synchronized long count() {
            return count;
        }

        synchronized void awaitMore(int more, AtomicBoolean running) {
            long until = count + more;
            while (count < until && running.get()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
