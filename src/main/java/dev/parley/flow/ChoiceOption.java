package dev.parley.flow;

import java.util.List;

/**
 * One option of a choices node.
 *
 * @param id       sent back in the click event and saved by {@code save:}; unique within the node
 * @param label    the text on the option
 * @param next     the node that follows when this option is chosen
 * @param synonyms other words a contact may type to mean this option
 */
public record ChoiceOption(String id, String label, String next, List<String> synonyms) {

    public ChoiceOption {
        synonyms = List.copyOf(synonyms);
    }
}
