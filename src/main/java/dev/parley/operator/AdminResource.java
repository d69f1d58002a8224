package dev.parley.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.routing.Operator;

/**
 * One kind of workspace object under the admin API: list, read, create, change, delete. Callers have
 * checked that {@code me} is an admin ({@link AdminService#requireAdmin}).
 */
public sealed interface AdminResource permits AdminBots, AdminOperators, AdminGroups, AdminWidgets {

    /** The path segment under {@code /api/v1}: {@code bots}, {@code operators}, {@code groups} or {@code widgets}. */
    String kind();

    ArrayNode list();

    ObjectNode get(String id);

    /** Creates the object the body describes (with its {@code id}); answers it as {@link #get} does. */
    ObjectNode create(Operator me, ObjectNode body);

    /** Changes the keys the body names; the others keep their values. Answers the object. */
    ObjectNode update(Operator me, String id, ObjectNode body);

    /**
     * Deletes the object, refusing while it is in use.
     *
     * @param force delete a bot even while it has active sessions, which go to the inbox
     */
    ObjectNode delete(Operator me, String id, boolean force);
}
