package dev.parley.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A human operator who logs in to the console.
 *
 * @param slots    the most conversations the operator handles at once
 * @param password the initial password, resolved from the environment or a file; absent when
 *                 the file sets none. Never shown by {@link #toString()}.
 */
public record OperatorConfig(String id, String name, String email, String group, Role role,
        List<String> skills, int slots, Optional<String> password) {

    public OperatorConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(role, "role");
        skills = List.copyOf(skills);
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "OperatorConfig[id=" + id + ", name=" + name + ", email=" + email + ", group=" + group
                + ", role=" + role + ", skills=" + skills + ", slots=" + slots
                + ", password=" + Masked.secret(password) + "]";
    }
}
