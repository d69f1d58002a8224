package dev.parley.nlu;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds entities in a text: the built-in ones ({@link #BUILT_IN}) and those a flow defines. Values
 * are JSON-ready: texts, numbers, and {@code {value, currency}} for amounts.
 */
public final class Entities {
    /** Names of the built-in entities, in alphabetical order. */
    public static final List<String> BUILT_IN = List.of("amount", "date", "datetime", "email", "number", "phone", "url");

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"]+|\\bwww\\.[^\\s<>\"]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,])-?\\d+(?:[.,]\\d+)?(?![\\w]|[.,]\\d)");
    private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("€", "EUR"),
            Map.entry("eur", "EUR"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("$", "USD"),
            Map.entry("usd", "USD"), Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("£", "GBP"),
            Map.entry("gbp", "GBP"), Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"), Map.entry("chf", "CHF"),
            Map.entry("franken", "CHF"));
    private static final String CURRENCY = "(€|\\$|£|eur|euros?|usd|dollars?|gbp|pounds?|chf|franken)";
    private static final String AMOUNT_NUMBER = "(\\d{1,3}(?:[.,' ]\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
    private static final Pattern AMOUNT_BEFORE = Pattern.compile("(?i)(?<![\\w])" + CURRENCY + "\\s?" + AMOUNT_NUMBER);
    private static final Pattern AMOUNT_AFTER = Pattern.compile("(?i)" + AMOUNT_NUMBER + "\\s?" + CURRENCY + "(?![\\w])");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Map<String, EntityDefinition> custom;

    public Entities(Map<String, EntityDefinition> custom) {
        this.custom = new TreeMap<>(custom);
    }

    /** Whether {@code name} is a built-in entity or one of the flow's. */
    public boolean knows(String name) {
        return BUILT_IN.contains(name) || custom.containsKey(name);
    }

    /** The first value of entity {@code name} in {@code text}. */
    public Optional<Object> find(String name, String text, EntityContext context) {
        EntityDefinition defined = custom.get(name);
        if (defined != null) {
            return defined(defined, text);
        }
        return switch (name) {
            case "email" -> first(EMAIL, text);
            case "url" -> first(URL, text);
            case "phone" -> phone(text, context);
            case "number" -> number(text);
            case "amount" -> amount(text);
            case "date" -> new DateReader(context).find(text).map(found -> found.toLocalDate().toString());
            case "datetime" -> new DateReader(context).find(text).map(found -> found.toOffsetDateTime().toString());
            default -> Optional.empty();
        };
    }

    private static Optional<Object> defined(EntityDefinition definition, String text) {
        return switch (definition) {
            case EntityDefinition.Matching matching -> {
                Matcher m = matching.pattern().matcher(text);
                yield m.find() ? Optional.of(m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group())
                        : Optional.empty();
            }
            case EntityDefinition.Synonyms synonyms -> {
                String words = " " + String.join(" ", Tokens.words(text)) + " ";
                yield synonyms.values().entrySet().stream()
                        .filter(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e.getKey()),
                                e.getValue().stream()).anyMatch(s -> words.contains(" " + String.join(" ",
                                Tokens.words(s)) + " ")))
                        .<Object>map(Map.Entry::getKey).findFirst();
            }
        };
    }

    private static Optional<Object> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group().replaceAll("[.,;:!?)]+$", "")) : Optional.empty();
    }

    private static Optional<Object> phone(String text, EntityContext context) {
        for (PhoneNumberMatch match : PHONES.findNumbers(text, context.region().orElse("ZZ"))) {
            return Optional.of(PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
        }
        return Optional.empty();
    }

    private static Optional<Object> number(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Optional.of(new BigDecimal(m.group().replace(',', '.'))) : Optional.empty();
    }

    private static Optional<Object> amount(String text) {
        Matcher before = AMOUNT_BEFORE.matcher(text);
        Matcher after = AMOUNT_AFTER.matcher(text);
        boolean b = before.find();
        boolean a = after.find();
        if (!a && !b) {
            return Optional.empty();
        }
        boolean useBefore = b && (!a || before.start() <= after.start());
        String number = useBefore ? before.group(2) : after.group(1);
        String currency = useBefore ? before.group(1) : after.group(2);
        return Optional.of(Map.of("value", decimal(number), "currency",
                CURRENCIES.get(currency.toLowerCase(java.util.Locale.ROOT))));
    }

    /** "1.234,50", "1,234.50", "12,5" and "12.50" as decimals: the last separator before 1–2 digits is the point. */
    static BigDecimal decimal(String written) {
        String digits = written.replace("'", "").replace(" ", "");
        Matcher fraction = Pattern.compile("[.,](\\d{1,2})$").matcher(digits);
        if (fraction.find()) {
            String whole = digits.substring(0, fraction.start()).replaceAll("[.,]", "");
            return new BigDecimal(whole + "." + fraction.group(1));
        }
        return new BigDecimal(digits.replaceAll("[.,]", ""));
    }

    /** The names of the flow's own entities. */
    public List<String> custom() {
        return List.copyOf(custom.keySet());
    }
}
