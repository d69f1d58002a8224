package dev.parley.flow;

import java.util.List;

/**
 * How a choices node is sent, decided when the flow is loaded. With {@code render: auto}
 * (the default): up to {@value #BUTTON_MAX} options whose labels all fit
 * {@value #LABEL_MAX} characters become a {@link #BUTTON_TEMPLATE}; up to {@value #LIST_MAX}
 * such options a {@link #LIST_TEMPLATE}; anything else (up to {@value #MAX_OPTIONS}) plain
 * {@link #BUBBLES}. Channels still fall back to numbered text where they cannot show the form.
 * {@code render: buttons | list | bubbles} forces a form, and the flow is refused when the
 * options break that form's limits.
 */
public enum ChoiceRendering {
    /** Reply buttons ({@code button_template}): 1 to 3 options. */
    BUTTON_TEMPLATE,
    /** A list behind a button ({@code list_template}): 1 to 10 options. */
    LIST_TEMPLATE,
    /** Plain bubbles: 1 to 20 options. */
    BUBBLES;

    /** Most options of any choices node. */
    public static final int MAX_OPTIONS = 20;
    /** Most options of a button template. */
    public static final int BUTTON_MAX = 3;
    /** Most options of a list template. */
    public static final int LIST_MAX = 10;
    /** Longest option label for button and list templates (the vendors' reply-button title limit). */
    public static final int LABEL_MAX = 20;

    /** The rendering {@code render: auto} picks for {@code options}. */
    public static ChoiceRendering auto(List<ChoiceOption> options) {
        boolean shortLabels = options.stream().allMatch(option -> option.label().length() <= LABEL_MAX);
        if (shortLabels && options.size() <= BUTTON_MAX) {
            return BUTTON_TEMPLATE;
        }
        return shortLabels && options.size() <= LIST_MAX ? LIST_TEMPLATE : BUBBLES;
    }

    /** Most options this rendering takes. */
    public int maxOptions() {
        return switch (this) {
            case BUTTON_TEMPLATE -> BUTTON_MAX;
            case LIST_TEMPLATE -> LIST_MAX;
            case BUBBLES -> MAX_OPTIONS;
        };
    }

    /** True when this rendering limits labels to {@value #LABEL_MAX} characters. */
    public boolean limitsLabels() {
        return this != BUBBLES;
    }

    /** The name of the Chatbot API event that carries it. */
    public String eventName() {
        return switch (this) {
            case BUTTON_TEMPLATE -> "button_template";
            case LIST_TEMPLATE -> "list_template";
            case BUBBLES -> "bubbles";
        };
    }
}
