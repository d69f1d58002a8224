package dev.parley.routing;

import dev.parley.config.Role;
import java.util.List;

/** A human operator. */
public record Operator(String id, String name, String email, String groupId, Role role, List<String> skills,
        int slots, String status) {
}
