package dev.parley.media;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** File names as contacts and bots give them, made safe to store, to put in a URL and in a header. */
final class FileNames {
    static final int MAX = 255;
    static final Set<String> ACTIVE_EXTENSIONS = Set.of("html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl",
            "js", "mjs", "hta");

    private FileNames() {}

    /**
     * The last path segment of {@code raw} without control or format characters, leading dots and
     * surrounding blanks, ending with an extension that fits the type (the usual one is appended when
     * it does not), at most {@link #MAX} characters. {@code fallback} names a file that has no usable name.
     */
    static String sanitize(Optional<String> raw, List<String> extensions, String fallback) {
        String name = raw.orElse("");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(FileNames::printable).forEach(clean::appendCodePoint);
        String base = clean.toString().strip().replaceFirst("^[.\\s]+", "").strip();
        if (base.isEmpty()) {
            base = fallback;
        }
        String usual = extensions.getFirst();
        boolean fits = extension(base).filter(extensions::contains).isPresent();
        String suffix = fits ? "" : "." + usual;
        int room = MAX - suffix.length();
        if (base.codePointCount(0, base.length()) > room) {
            String ext = fits ? "." + extension(base).orElseThrow() : "";
            String stem = base.substring(0, base.length() - ext.length());
            stem = stem.substring(0, stem.offsetByCodePoints(0, Math.min(stem.codePointCount(0, stem.length()),
                    room - ext.length())));
            base = stem + ext;
        }
        return base + suffix;
    }

    /** The lower-case extension after the last dot, if there is one. */
    static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT).strip());
    }

    /** The name as one URL path segment. */
    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    /** A {@code Content-Disposition} value with an ASCII fallback name and the exact name (RFC 6266). */
    static String disposition(boolean inline, String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(name);
    }

    private static boolean printable(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}
