package dev.parley.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a {@link Flow}, under its id in {@code nodes:}. The kind is given by the key that
 * names it ({@code say}, {@code choices}, {@code ask}, {@code action}, {@code if}, {@code set},
 * {@code contact_update}, {@code conversation_update}, {@code note}, {@code delay},
 * {@code forward}, {@code end}, {@code abort}, {@code jump}). Node ids in {@code next},
 * options and routes always name nodes of the same flow: a loaded flow has no dangling ones.
 */
public sealed interface Node permits Node.Say, Node.Choices, Node.Ask, Node.Action, Node.Branch, Node.SetVariables,
        Node.ContactUpdate, Node.ConversationUpdate, Node.Note, Node.Delay, Node.Forward, Node.End, Node.Abort,
        Node.Jump {

    /** The id under {@code nodes:}. */
    String id();

    /** The 1-based line of the node's id under {@code nodes:}. */
    int line();

    /** Sends a message, then continues with {@code next}. */
    record Say(String id, int line, Message message, String next) implements Node {
    }

    /**
     * Offers options and waits for a click or a text matching an option's label or synonyms.
     *
     * @param say       the question above the options
     * @param save      variable that receives the chosen option's id
     * @param onNoMatch node for a text that matches no option; without it the choice is offered again
     * @param intents   intent → node, for a text that matches no option but expresses one of these intents
     */
    record Choices(String id, int line, Message say, List<ChoiceOption> options, ChoiceRendering rendering,
                   Optional<String> save, Optional<String> onNoMatch, Map<String, String> intents) implements Node {
        public Choices {
            options = List.copyOf(options);
            intents = ordered(intents);
        }
    }

    /**
     * Asks a question, checks the answer and saves it in {@code save}.
     *
     * @param validate the check; any non-empty text is accepted without one
     * @param retry    the limit of failed answers; without it the question is asked until the answer passes
     * @param intents  intent → node: an answer expressing one of them goes there instead of being checked
     * @param noMatch  with intents, the node for an answer expressing none of them (instead of {@code next})
     * @param entities variable → entity, for {@code save: { variable: entity }}; then {@code save} is empty
     */
    record Ask(String id, int line, Template question, String save, Optional<AnswerCheck.Rule> validate,
               Optional<AnswerCheck.Retry> retry, String next, Map<String, String> intents, Optional<String> noMatch,
               Map<String, String> entities) implements Node {
        public Ask {
            intents = ordered(intents);
            entities = ordered(entities);
        }
    }

    /**
     * Runs the action node {@code action} with the parameters {@code with} and routes on its outcome.
     *
     * @param save   variable that receives the action's output data
     * @param routes outcome → node; the key {@code default} (also written as {@code next}) takes every other outcome
     */
    record Action(String id, int line, String action, Map<String, Value> with, Optional<String> save,
                  Map<String, String> routes) implements Node {
        public Action {
            with = ordered(with);
            routes = ordered(routes);
        }

        /** The node that follows {@code outcome}: its own route, else the default route. */
        public Optional<String> route(String outcome) {
            return Optional.ofNullable(routes.getOrDefault(outcome, routes.get("default")));
        }
    }

    /** Continues with the first case whose condition holds, else with {@code otherwise} ({@code else:}). */
    record Branch(String id, int line, List<Case> cases, String otherwise) implements Node {
        public Branch {
            cases = List.copyOf(cases);
        }
    }

    /** One {@code - when: "…", next: x} of a branch; {@code source} is the condition as written. */
    record Case(String source, Expression condition, String next) {
    }

    /** Sets flow variables ({@code set: { name: value }}). */
    record SetVariables(String id, int line, Map<String, Value> values, String next) implements Node {
        public SetVariables {
            values = ordered(values);
        }
    }

    /**
     * Updates the contact: {@code name}, {@code email}, {@code mobile_number} (E.164),
     * {@code external_customer_id}, {@code custom_fields} (merged), {@code campaigns}.
     */
    record ContactUpdate(String id, int line, Map<String, Value> fields, String next) implements Node {
        public ContactUpdate {
            fields = ordered(fields);
        }
    }

    /** Updates the conversation: {@code subject}, {@code topics}, {@code locale}, {@code custom_fields}. */
    record ConversationUpdate(String id, int line, Map<String, Value> fields, String next) implements Node {
        public ConversationUpdate {
            fields = ordered(fields);
        }
    }

    /** Writes a note on the conversation, visible to operators only. */
    record Note(String id, int line, Template text, String next) implements Node {
    }

    /** Waits {@code seconds} (1 to 30), showing a typing indicator unless {@code typing} is false. */
    record Delay(String id, int line, int seconds, boolean typing, String next) implements Node {
    }

    /**
     * Hands the conversation to an operator, which ends the flow.
     *
     * @param onFailed with {@code on_failure: feedback}, the node that follows when no operator is available
     */
    record Forward(String id, int line, Optional<Message> say, ForwardTarget target, Optional<String> onFailed)
            implements Node {
    }

    /** Ends the bot session and the conversation. */
    record End(String id, int line, Optional<Message> say) implements Node {
    }

    /** The bot leaves; the conversation goes on with human operators. */
    record Abort(String id, int line, Optional<Message> say) implements Node {
    }

    /** Continues with another flow, named by its id or by a file path relative to this flow's file. */
    record Jump(String id, int line, Optional<Message> say, String flow) implements Node {
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
