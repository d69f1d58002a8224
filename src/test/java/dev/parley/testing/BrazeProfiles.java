package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The users a {@link BrazeStandIn} holds, changed as Braze changes them: an {@code external_id} creates
 * its user unless {@code _update_existing_only} is true; a {@code user_alias} only finds one unless
 * {@code _update_existing_only} is false; an e-mail finds the user with that address or makes an
 * e-mail-only one. {@code inc}, {@code add} and {@code remove} work on the stored value; every event
 * and purchase is kept, so a duplicate counts twice. {@code /users/identify} merges an alias-only
 * user into the {@code external_id} user.
 */
final class BrazeProfiles {
    private static final Set<String> NOT_ATTRIBUTES = Set.of("external_id", "user_alias", "braze_id",
            "_update_existing_only", "_merge_objects", "push_token_import");

    /** One user: its identifiers, attributes, events and purchases. */
    record Profile(ObjectNode attributes, ArrayNode aliases, List<JsonNode> events, List<JsonNode> purchases) {
        Optional<String> externalId() {
            return Optional.of(attributes.path("external_id")).filter(JsonNode::isTextual).map(JsonNode::asText);
        }

        boolean hasAlias(JsonNode alias) {
            for (JsonNode a : aliases) {
                if (a.path("alias_label").equals(alias.path("alias_label"))
                        && a.path("alias_name").equals(alias.path("alias_name"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Profile> profiles = new ArrayList<>();

    synchronized void apply(String array, JsonNode item) {
        Optional<Profile> profile = find(item).or(() -> create(item));
        if (profile.isEmpty()) {
            return;
        }
        switch (array) {
            case "attributes" -> attributes(profile.get(), item);
            case "events" -> profile.get().events().add(item.deepCopy());
            default -> profile.get().purchases().add(item.deepCopy());
        }
    }

    /** Merges the alias-only user into the user with {@code externalId}; false when there is no such alias. */
    synchronized boolean identify(String externalId, JsonNode alias) {
        Optional<Profile> anonymous = profiles.stream().filter(p -> p.hasAlias(alias) && p.externalId().isEmpty())
                .findFirst();
        Optional<Profile> known = byExternalId(externalId);
        if (anonymous.isEmpty()) {
            return known.isPresent() && known.get().hasAlias(alias);
        }
        if (known.isEmpty()) {
            anonymous.get().attributes().put("external_id", externalId);
            return true;
        }
        Profile target = known.get();
        anonymous.get().attributes().properties().forEach(e -> {
            if (!target.attributes().has(e.getKey())) {
                target.attributes().set(e.getKey(), e.getValue());
            }
        });
        target.aliases().addAll(anonymous.get().aliases());
        target.events().addAll(anonymous.get().events());
        target.purchases().addAll(anonymous.get().purchases());
        profiles.remove(anonymous.get());
        return true;
    }

    synchronized Optional<Profile> byExternalId(String externalId) {
        return profiles.stream().filter(p -> p.externalId().filter(externalId::equals).isPresent()).findFirst();
    }

    synchronized Optional<Profile> byAlias(JsonNode alias) {
        return profiles.stream().filter(p -> p.hasAlias(alias)).findFirst();
    }

    synchronized Optional<Profile> byEmail(String email) {
        return profiles.stream().filter(p -> p.attributes().path("email").asText("").equals(email)).findFirst();
    }

    synchronized int size() {
        return profiles.size();
    }

    /** The user as {@code /users/export/ids} shows it. */
    synchronized ObjectNode export(Profile profile) {
        ObjectNode user = Json.object();
        ObjectNode custom = user.putObject("custom_attributes");
        profile.attributes().properties().forEach(e -> {
            if (BrazeStandIn.STANDARD_FIELDS.contains(e.getKey())) {
                user.set(e.getKey(), e.getValue().deepCopy());
            } else {
                custom.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        user.set("user_aliases", profile.aliases().deepCopy());
        return user;
    }

    synchronized void put(ObjectNode user) {
        Profile profile = new Profile(Json.object(), Json.array(), new ArrayList<>(), new ArrayList<>());
        user.properties().forEach(e -> {
            if (e.getKey().equals("custom_attributes")) {
                e.getValue().properties().forEach(c -> profile.attributes().set(c.getKey(), c.getValue()));
            } else {
                profile.attributes().set(e.getKey(), e.getValue());
            }
        });
        profiles.add(profile);
    }

    private Optional<Profile> find(JsonNode item) {
        if (item.path("external_id").isTextual()) {
            return byExternalId(item.path("external_id").asText());
        }
        if (item.has("user_alias")) {
            return byAlias(item.path("user_alias"));
        }
        if (item.path("email").isTextual()) {
            return byEmail(item.path("email").asText());
        }
        return Optional.empty();
    }

    private Optional<Profile> create(JsonNode item) {
        JsonNode updateOnly = item.path("_update_existing_only");
        Profile profile = new Profile(Json.object(), Json.array(), new ArrayList<>(), new ArrayList<>());
        if (item.path("external_id").isTextual()) {
            if (updateOnly.asBoolean(false)) {
                return Optional.empty();
            }
            profile.attributes().put("external_id", item.path("external_id").asText());
        } else if (item.has("user_alias")) {
            if (!updateOnly.isBoolean() || updateOnly.asBoolean()) {
                return Optional.empty();
            }
            profile.aliases().add(item.path("user_alias").deepCopy());
        } else if (item.path("email").isTextual()) {
            profile.attributes().put("email", item.path("email").asText());
        } else {
            return Optional.empty();
        }
        profiles.add(profile);
        return Optional.of(profile);
    }

    private static void attributes(Profile profile, JsonNode item) {
        ObjectNode stored = profile.attributes();
        item.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (NOT_ATTRIBUTES.contains(key)) {
                return;
            }
            if (value.has("inc")) {
                stored.put(key, stored.path(key).asLong(0) + value.path("inc").asLong());
            } else if (value.has("add") || value.has("remove")) {
                ArrayNode set = stored.path(key) instanceof ArrayNode a ? a : stored.putArray(key);
                value.path("remove").forEach(r -> {
                    for (int i = set.size() - 1; i >= 0; i--) {
                        if (set.get(i).equals(r)) {
                            set.remove(i);
                        }
                    }
                });
                value.path("add").forEach(set::add);
            } else if (value.isNull()) {
                stored.remove(key);
            } else {
                stored.set(key, value.deepCopy());
            }
        });
    }
}
