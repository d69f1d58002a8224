package dev.parley.nlu;

import java.util.Optional;

/**
 * What the model makes of one text: the most probable intent with its probability, and the
 * runner-up (absent when the model knows a single intent).
 */
public record Ranking(String intent, double confidence, Optional<Guess> runnerUp) {
    /** An intent and its probability. */
    public record Guess(String intent, double confidence) {
    }
}
