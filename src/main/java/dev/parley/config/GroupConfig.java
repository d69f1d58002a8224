package dev.parley.config;

import java.util.Objects;

/** An operator group: humans and bots that share the conversations of its widgets. */
public record GroupConfig(String id, String name) {

    public GroupConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
