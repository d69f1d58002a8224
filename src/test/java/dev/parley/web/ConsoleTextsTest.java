package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text of the operator console comes from its message catalogs: English and German hold the same keys
 * with the same placeholders, every key the scripts ask for is in both, and no script writes English of its own
 * where people read it (element text, placeholders, titles, labels, confirmations, or anything that reads as a
 * sentence).
 */
class ConsoleTextsTest {
    static final Path CONSOLE = Path.of("src/main/resources/static/console");
    static final Pattern ENTRY = Pattern.compile("^\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*:\\s*'((?:[^'\\\\]|\\\\.)*)',?\\s*$",
            Pattern.MULTILINE);
    static final Pattern KEY_USE = Pattern.compile("\\bt(\\.plural)?\\('([^']*)'(\\s*\\+)?");
    static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|`((?:[^`\\\\]|\\\\.)*)`");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Where a literal would be read by people: element text, UI properties, dialogs. */
    static final Pattern SHOWN = Pattern.compile("(placeholder|title|alt|label|'aria-label'|textContent)\\s*[:=]\\s*$"
            + "|}\\s*,\\s*$|(confirm|alert)\\(\\s*$");
    /** A literal that reads as words: two words in a row, or one capitalised word. */
    static final Pattern PROSE = Pattern.compile("[A-Za-z]{2,}[,.;:?!…]?\\s+[A-Za-z(]|^\\s*[A-Z][a-z]+[.…?!:]?\\s*$");
    static final Pattern CLASS_OR_SELECTOR = Pattern.compile("(className\\s*[:=]|querySelector(All)?\\(|closest\\()"
            + "[^;]*$");
    /** Literals that are no language: the product's name, language names, keys, protocol words and examples. */
    static final Set<String> NOT_LANGUAGE = Set.of("Parley", "English", "Deutsch", "Bearer ", "Notification",
            "logged out", "Enter", "Tab", "Escape", "wa-main", "DE", "https://…", "https://bot.example/webhook",
            "Europe/Berlin");

    @Test
    void englishAndGermanHoldTheSameKeysWithTheSamePlaceholders() throws IOException {
        Map<String, String> en = catalog("en");
        Map<String, String> de = catalog("de");
        assertThat(en).hasSizeGreaterThan(300);
        assertThat(de.keySet()).isEqualTo(en.keySet());
        for (String key : en.keySet()) {
            assertThat(de.get(key)).as("de %s", key).isNotBlank();
            assertThat(placeholders(de.get(key))).as("placeholders of %s", key).isEqualTo(placeholders(en.get(key)));
        }
    }

    @Test
    void everyKeyTheScriptsAskForIsInTheCatalog() throws IOException {
        Set<String> keys = catalog("en").keySet();
        List<String> missing = new ArrayList<>();
        for (Path script : scripts()) {
            Matcher m = KEY_USE.matcher(code(script));
            while (m.find()) {
                String key = m.group(2);
                boolean found = m.group(3) != null ? keys.stream().anyMatch(k -> k.startsWith(key))
                        : m.group(1) != null ? keys.contains(key + ".one") && keys.contains(key + ".other")
                        : keys.contains(key);
                if (!found) {
                    missing.add(CONSOLE.relativize(script) + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noScriptWritesEnglishOfItsOwn() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path script : scripts()) {
            String code = code(script);
            Matcher m = LITERAL.matcher(code);
            while (m.find()) {
                String literal = m.group(1) != null ? m.group(1) : m.group(2).replaceAll("\\$\\{[^}]*}", " ");
                String before = code.substring(Math.max(0, m.start() - 60), m.start());
                boolean shown = SHOWN.matcher(before).find() && literal.matches("(?s).*[A-Za-z].*");
                boolean prose = PROSE.matcher(literal).find() && !CLASS_OR_SELECTOR.matcher(before).find();
                if ((shown || prose) && !NOT_LANGUAGE.contains(literal)) {
                    inline.add(CONSOLE.relativize(script) + ": '" + literal + "'");
                }
            }
        }
        assertThat(inline).isEmpty();
    }

    @Test
    void thePageItselfHoldsNoText() throws IOException {
        String page = Files.readString(CONSOLE.resolve("index.html"));
        String body = page.substring(page.indexOf("<body>")).replaceAll("<[^>]*>", "").strip();
        assertThat(body).isEqualTo("…");
        assertThat(page).contains("<title>Parley</title>", "/static/console/messages/en.js",
                "/static/console/messages/de.js", "/static/shared/messages/transcript.de.js");
    }

    /** The catalog of {@code language}: key → text (quotes unescaped). */
    static Map<String, String> catalog(String language) throws IOException {
        String source = Files.readString(CONSOLE.resolve("messages/" + language + ".js"));
        assertThat(source).contains("ParleyI18n.define('console', '" + language + "', {");
        Map<String, String> texts = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(source);
        while (m.find()) {
            String previous = texts.put(unescape(m.group(1)), unescape(m.group(2)));
            assertThat(previous).as("%s is defined once", m.group(1)).isNull();
        }
        long lines = source.lines().filter(l -> l.strip().startsWith("'")).count();
        assertThat(texts).as("every entry line is read").hasSize((int) lines);
        return texts;
    }

    private static String unescape(String quoted) {
        return quoted.replaceAll("\\\\(.)", "$1");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The console's scripts, not the catalogs. */
    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".js"))
                    .filter(p -> !p.startsWith(CONSOLE.resolve("messages"))).sorted().toList();
            assertThat(scripts).hasSizeGreaterThan(15);
            return scripts;
        }
    }

    /** A script without its comments (their English is for developers). */
    private static String code(Path script) throws IOException {
        return Files.readString(script)
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("(?m)^\\s*//.*$", "")
                .replaceAll("(?m)(?<=[;,{}()\\s])//.*$", "");
    }
}
