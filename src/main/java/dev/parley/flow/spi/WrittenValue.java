package dev.parley.flow.spi;

/**
 * A {@code with:} parameter as a flow file writes it, before its templates are rendered: what Parley
 * knows of it when the flow loads (see {@link ActionParameters#checkWritten}).
 */
public sealed interface WrittenValue {

    /** Written without placeholders: exactly the value the action will get; {@code null} for none. */
    record Literal(Object value) implements WrittenValue {
    }

    /** A text with placeholders, known to begin with {@code start} (empty when a placeholder comes first). */
    record TextTemplate(String start) implements WrittenValue {
    }

    /**
     * Known only when the flow runs: one placeholder, which keeps its value's type, or a list or
     * mapping holding placeholders.
     */
    record Unknown() implements WrittenValue {
    }
}
