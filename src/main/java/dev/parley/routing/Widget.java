package dev.parley.routing;

import dev.parley.config.ServiceHours;
import java.time.Duration;
import java.util.Optional;

/** An entry point for contacts; routes its conversations to one group. */
public record Widget(String id, String name, String groupId, boolean registration, Optional<Duration> liveTimeout,
        Optional<ServiceHours> serviceHours, boolean chatbotAssignment) {
}
