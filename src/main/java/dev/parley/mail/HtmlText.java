package dev.parley.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.owasp.html.Encoding;

/** Text made safe to put into the HTML part of an e-mail. */
public final class HtmlText {
    private HtmlText() {}

    /** {@code text} with every character that means something in HTML escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        try {
            Encoding.encodeRcdataOnto(text, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }
}
