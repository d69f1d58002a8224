package dev.parley.routing;

/** An operator group: humans and bots that share conversations. */
public record Group(String id, String name) {
}
