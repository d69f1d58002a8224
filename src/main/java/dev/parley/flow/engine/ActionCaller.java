package dev.parley.flow.engine;

import dev.parley.flow.spi.ActionRequest;

/** Runs an action node by name for a flow; never throws: every failure is outcome {@code error}. */
@FunctionalInterface
public interface ActionCaller {

    ActionCall call(String action, ActionRequest request);
}
