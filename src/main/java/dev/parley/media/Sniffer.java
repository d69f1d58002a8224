package dev.parley.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a file is from its first bytes (images, PDF, audio, video), or that it is plain UTF-8
 * text. The declared type and the file name only count against a file: text declared or named as
 * HTML, SVG, XML or JavaScript is refused, as is any text that looks like markup.
 */
final class Sniffer {
    private static final int HEAD = 64;
    private static final Set<String> ACTIVE_TYPES = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "application/javascript", "text/javascript", "application/ecmascript",
            "text/ecmascript", "application/x-javascript");
    private static final List<String> MARKUP = List.of("<html", "<!doctype", "<svg", "<script", "<?xml", "<iframe",
            "<body", "<head", "<object", "<embed", "<meta");
    private static final String ALLOWED = "allowed are images, PDF, audio, video and plain text";

    /** What a file turned out to be. */
    sealed interface Sniffed {
        /** An allowed type, with the file name extensions that go with it (the first is the usual one). */
        record Allowed(String mimeType, List<String> extensions) implements Sniffed {}

        /** Not allowed; {@code reason} completes "the file …". */
        record Refused(String reason) implements Sniffed {}
    }

    private Sniffer() {}

    static Sniffed sniff(Path file, Optional<String> declaredType, Optional<String> filename) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        Optional<Sniffed.Allowed> binary = binary(head);
        if (binary.isPresent()) {
            return binary.get();
        }
        Optional<String> declared = declaredType.map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
        if (declared.isPresent() && ACTIVE_TYPES.contains(declared.get())) {
            return new Sniffed.Refused("is declared as " + declared.get() + ", which Parley does not accept; "
                    + ALLOWED);
        }
        Optional<String> extension = filename.flatMap(FileNames::extension);
        if (extension.isPresent() && FileNames.ACTIVE_EXTENSIONS.contains(extension.get())) {
            return new Sniffed.Refused("is named ." + extension.get() + " (HTML, SVG, XML or script), which Parley"
                    + " does not accept; " + ALLOWED);
        }
        return text(file);
    }

    private static Optional<Sniffed.Allowed> binary(byte[] h) {
        if (starts(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return allowed("image/png", "png");
        }
        if (starts(h, 0, 0xFF, 0xD8, 0xFF)) {
            return allowed("image/jpeg", "jpg", "jpeg");
        }
        if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) {
            return allowed("image/gif", "gif");
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
            return allowed("image/webp", "webp");
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WAVE")) {
            return allowed("audio/wav", "wav");
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "AVI ")) {
            return allowed("video/x-msvideo", "avi");
        }
        if (ascii(h, 0, "%PDF-")) {
            return allowed("application/pdf", "pdf");
        }
        if (ascii(h, 0, "OggS")) {
            return contains(h, "theora") ? allowed("video/ogg", "ogv", "ogg")
                    : allowed("audio/ogg", "ogg", "oga", "opus");
        }
        if (ascii(h, 0, "fLaC")) {
            return allowed("audio/flac", "flac");
        }
        if (ascii(h, 0, "ID3")) {
            return allowed("audio/mpeg", "mp3");
        }
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xF6) == 0xF0) {
            return allowed("audio/aac", "aac");
        }
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0) {
            return allowed("audio/mpeg", "mp3");
        }
        if (ascii(h, 4, "ftyp")) {
            return isoMedia(h);
        }
        if (starts(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return contains(h, "webm") ? allowed("video/webm", "webm") : allowed("video/x-matroska", "mkv");
        }
        return Optional.empty();
    }

    /** MP4 and its relatives, told apart by the major brand. */
    private static Optional<Sniffed.Allowed> isoMedia(byte[] h) {
        String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.ISO_8859_1) : "";
        return switch (brand) {
            case "M4A ", "M4B " -> allowed("audio/mp4", "m4a");
            case "qt  " -> allowed("video/quicktime", "mov");
            case "heic", "heix", "mif1", "msf1" -> allowed("image/heic", "heic");
            case "avif" -> allowed("image/avif", "avif");
            default -> brand.startsWith("3g") ? allowed("video/3gpp", "3gp") : allowed("video/mp4", "mp4", "m4v");
        };
    }

    /** UTF-8 without control characters (tabs and line breaks aside) and without markup. */
    private static Sniffed text(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder window = new StringBuilder();
        boolean first = true;
        char[] buffer = new char[8192];
        try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                        return new Sniffed.Refused("is binary data of a type Parley does not accept; " + ALLOWED);
                    }
                    if (first && !Character.isWhitespace(c) && c != '\uFEFF') {
                        first = false;
                        if (c == '<') {
                            return markup();
                        }
                    }
                }
                window.append(buffer, 0, n);
                String lower = window.toString().toLowerCase(Locale.ROOT);
                if (MARKUP.stream().anyMatch(lower::contains)) {
                    return markup();
                }
                window.delete(0, Math.max(0, window.length() - 16));
            }
        } catch (CharacterCodingException e) {
            return new Sniffed.Refused("is binary data of a type Parley does not accept; " + ALLOWED);
        }
        return new Sniffed.Allowed("text/plain; charset=utf-8", List.of("txt", "text", "log", "csv", "tsv", "md"));
    }

    private static Sniffed markup() {
        return new Sniffed.Refused("looks like HTML, SVG or XML markup, which Parley does not accept; " + ALLOWED);
    }

    private static Optional<Sniffed.Allowed> allowed(String mimeType, String... extensions) {
        return Optional.of(new Sniffed.Allowed(mimeType, List.of(extensions)));
    }

    private static boolean starts(byte[] h, int at, int... bytes) {
        if (h.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((h[at + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] h, int at, String text) {
        return starts(h, at, text.chars().toArray());
    }

    private static boolean contains(byte[] h, String text) {
        return new String(h, StandardCharsets.ISO_8859_1).contains(text);
    }
}
