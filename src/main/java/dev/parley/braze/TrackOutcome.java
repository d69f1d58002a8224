package dev.parley.braze;

import java.util.List;

/** What {@link BrazeWriter#track} did with an update. */
public sealed interface TrackOutcome {

    /**
     * The accepted objects are stored and will be sent; the refused ones are not.
     *
     * @param queued  how many objects were stored for sending
     * @param refused the objects that failed the checks, each with the reason
     */
    record Queued(int queued, List<Refusal> refused) implements TrackOutcome {
        public Queued {
            refused = List.copyOf(refused);
        }

        /** True when every object of the update was accepted. */
        public boolean complete() {
            return refused.isEmpty();
        }
    }

    /** The selected environment has no Braze account: nothing was stored. */
    record NotConfigured(String reason) implements TrackOutcome {}

    /**
     * One refused object.
     *
     * @param array  {@code attributes}, {@code events} or {@code purchases}
     * @param index  its position in that list of the update
     * @param reason the field at fault and the rule, such as {@code time: '2024-13-01' is not an ISO 8601 time}
     */
    record Refusal(String array, int index, String reason) {
        /** {@code events[2]: time: …}. */
        public String describe() {
            return array + "[" + index + "]: " + reason;
        }
    }
}
