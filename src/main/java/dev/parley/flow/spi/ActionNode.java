package dev.parley.flow.spi;

/**
 * A named piece of integration code that a flow's {@code action} node runs: it gets the node's
 * parameters (templates already rendered) and returns an outcome the flow routes on, with optional
 * data the flow saves into a variable.
 *
 * <p>Built-in action nodes are {@code http}, {@code remote}, {@code email}, {@code braze.track} and
 * {@code braze.profile}. Plugins implement this interface in a jar placed in {@code ./plugins/} and
 * name their class in {@code META-INF/services/dev.parley.flow.spi.ActionNode}; Parley finds them
 * with {@link java.util.ServiceLoader} at start.
 *
 * <p>An implementation is shared by all conversations and called from many threads at once; keep
 * it stateless or thread-safe. It should return before {@link ActionRequest#deadline()}; a call
 * still running then is abandoned and the node's outcome is {@code error}. Throwing any exception
 * also yields {@code error}, with the exception's message on the conversation's timeline — a
 * failing action never breaks the conversation.
 */
public interface ActionNode {

    /**
     * The name flows use in {@code action:}. Plugins should use a dotted prefix of their own, as
     * in {@code acme.crm_lookup}; a plugin may not replace a built-in.
     */
    String name();

    /**
     * Runs the action once for one conversation. When the action declares its {@link #parameters()},
     * {@code request.params()} have passed them.
     */
    ActionResult run(ActionRequest request) throws Exception;

    /**
     * The {@code with:} parameters this action takes. Parley checks every flow's action nodes against
     * them when the flow loads — unknown names, missing required ones, values that can never be valid
     * are errors with file and line — and again before every run. The default,
     * {@link ActionParameters#any()}, accepts whatever a flow gives and checks nothing.
     */
    default ActionParameters parameters() {
        return ActionParameters.any();
    }
}
