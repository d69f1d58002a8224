package dev.parley.nlu;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An entity a flow defines for itself: a regular expression (an order id) or lists of synonyms. */
public sealed interface EntityDefinition permits EntityDefinition.Matching, EntityDefinition.Synonyms {

    /** The first match of {@code pattern}; its first group when it has one, else the whole match. */
    record Matching(Pattern pattern) implements EntityDefinition {
    }

    /** The canonical value whose synonyms (or itself) occur in the text, compared as folded words. */
    record Synonyms(Map<String, List<String>> values) implements EntityDefinition {
        public Synonyms {
            values = Map.copyOf(values);
        }
    }
}
