package dev.parley.conversation;

import java.util.regex.Pattern;

/** What a page tag may be called; the web API and the configuration's tag lists follow the same rule. */
public final class PageTagName {
    /** The rule in words, for error messages. */
    public static final String RULE = "1–100 letters, digits, '_', '.', ':' or '-', starting with a letter or digit";
    private static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$");

    private PageTagName() {
    }

    /** True when {@code name} can name a page tag. */
    public static boolean valid(String name) {
        return PATTERN.matcher(name).matches();
    }
}
