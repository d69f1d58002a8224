package dev.parley.flow.engine;

import dev.parley.flow.Flow;
import java.util.Optional;

/** Where a running flow finds the version a session runs and the flows it jumps to. */
interface FlowVersions {

    Optional<Flow> version(String flowId, String version);

    /** The newest version of the flow {@code ref} names: an id, or a file relative to {@code from}'s file. */
    Optional<Versioned> jump(Flow from, String ref);
}
