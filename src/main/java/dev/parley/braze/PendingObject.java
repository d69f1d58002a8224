package dev.parley.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An accepted object waiting to be put into a request. */
record PendingObject(String id, Kind kind, String identity, ObjectNode body) {}
