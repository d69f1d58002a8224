package dev.parley.flow;

import java.util.List;

/** Who a forward node hands the conversation to. */
public sealed interface ForwardTarget permits ForwardTarget.Group, ForwardTarget.Skills, ForwardTarget.Any {

    /** {@code group: id}: an available operator of that group. */
    record Group(String group) implements ForwardTarget {
    }

    /** {@code skills: [a, b]}: an available operator having all the skills. */
    record Skills(List<String> skills) implements ForwardTarget {
        public Skills {
            skills = List.copyOf(skills);
        }
    }

    /** {@code any: true}: any available operator of the bot's group. */
    record Any() implements ForwardTarget {
    }
}
