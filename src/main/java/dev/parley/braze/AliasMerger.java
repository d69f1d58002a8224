package dev.parley.braze;

import dev.parley.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's {@code /users/identify} step: merges alias-only users of contacts that now have an external
 * customer id into their {@code external_id} users, up to 50 a request, once everything tracked under the
 * alias has been sent. Braze keeps the alias on the merged user, so a merge repeated after an ambiguous
 * failure changes nothing.
 */
final class AliasMerger {
    private static final Logger log = LoggerFactory.getLogger(AliasMerger.class);

    /** What the step did. */
    sealed interface Merging {
        record Nothing() implements Merging {}

        record Merged() implements Merging {}

        record RetryAt(Instant due) implements Merging {}
    }

    private final Database db;
    private final Clock clock;
    private final BrazeAliases aliases;
    private final BrazeClient client;

    AliasMerger(Database db, Clock clock, BrazeAliases aliases, BrazeClient client) {
        this.db = db;
        this.clock = clock;
        this.aliases = aliases;
        this.client = client;
    }

    Merging mergeDue() {
        List<BrazeAliases.Merge> due = db.read(aliases::due);
        if (due.isEmpty()) {
            return new Merging.Nothing();
        }
        Instant now = clock.instant();
        return switch (client.identify(BrazeAliases.identifyBody(due))) {
            case BrazeAnswer.Success s -> done(due, now);
            case BrazeAnswer.Rejected r -> {
                log.warn("Braze refused to merge {} alias user(s) with HTTP {}: {}", due.size(), r.status(), r.message());
                yield r.status() == 401 || r.status() == 403 ? new Merging.RetryAt(now.plus(AnswerRecorder.AUTH_PROBE))
                        : done(due, now);
            }
            case BrazeAnswer.RateLimited r -> new Merging.RetryAt(r.reset().filter(now::isBefore)
                    .orElseGet(() -> now.plus(AnswerRecorder.backoff(3))));
            case BrazeAnswer.ServerError e -> new Merging.RetryAt(now.plus(AnswerRecorder.backoff(3)));
            case BrazeAnswer.NoAnswer n -> new Merging.RetryAt(now.plus(AnswerRecorder.backoff(3)));
        };
    }

    private Merging done(List<BrazeAliases.Merge> due, Instant now) {
        db.useWrite(tx -> aliases.merged(tx, due, now));
        return new Merging.Merged();
    }
}
