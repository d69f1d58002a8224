package dev.parley.flow.engine;

import dev.parley.flow.Flow;

/** A loaded flow and the version it is: a hash of its source. */
public record Versioned(Flow flow, String version) {
}
