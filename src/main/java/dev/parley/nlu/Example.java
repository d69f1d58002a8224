package dev.parley.nlu;

/** A sentence labelled with the intent it expresses. */
public record Example(String text, String intent) {
}
