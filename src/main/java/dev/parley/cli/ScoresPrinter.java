package dev.parley.cli;

import dev.parley.nlu.Evaluation;
import dev.parley.nlu.Scores;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Prints the figures of an evaluation or a cross-validation. */
record ScoresPrinter(PrintWriter out) {
    void print(Evaluation evaluation, int confusions) {
        out.printf(Locale.ROOT, "intents: %d, training: %.1f s, latency %s%n", evaluation.intents(),
                seconds(evaluation.training()), percentiles(evaluation.latency()));
        out.printf(Locale.ROOT, "CPU time per text (this thread): %s%n", percentiles(evaluation.cpu()));
        print(evaluation.scores(), confusions);
    }

    private static String percentiles(Evaluation.Latency latency) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", millis(latency.p50()),
                millis(latency.p95()), millis(latency.p99()), millis(latency.max()));
    }

    void print(Scores scores, int confusions) {
        out.printf(Locale.ROOT, "accuracy: %.2f %% (%d texts)%n", 100 * scores.accuracy(), scores.total());
        out.printf(Locale.ROOT, "%-32s %8s %8s %8s%n", "intent", "support", "prec.", "recall");
        for (Scores.IntentScore s : scores.perIntent()) {
            out.printf(Locale.ROOT, "%-32s %8d %7.1f%% %7.1f%%%n", s.intent(), s.support(), 100 * s.precision(),
                    100 * s.recall());
        }
        if (!scores.confused().isEmpty()) {
            out.println("most confused (actual → recognised as):");
            scores.confused().stream().limit(confusions).forEach(c ->
                    out.printf(Locale.ROOT, "  %3d× %s → %s%n", c.count(), c.actual(), c.predicted()));
        }
        out.flush();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
