package dev.parley.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Debian {@code chromium} steered by Playwright, headless. {@code ./parley test} installs the
 * browser when it is missing; Playwright never downloads one. One browser serves the whole test
 * run (started when first needed, stopped at exit); each {@link #launch()} hands out a lease whose
 * contexts — separate profiles, as separate people at separate computers — close with it.
 */
public final class Chromium implements AutoCloseable {
    /** A desktop and a phone-sized window. */
    public static final Browser.NewContextOptions DESKTOP = new Browser.NewContextOptions().setViewportSize(1280, 800);
    public static final Browser.NewContextOptions PHONE = new Browser.NewContextOptions().setViewportSize(390, 844)
            .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);

    private static final Duration WAIT = Duration.ofMinutes(1);
    /** Characters of a page's visible text kept for {@link BrowserEvidence}, and console errors per page. */
    private static final int TEXT = 3000;
    private static final int ERRORS = 20;

    private static Playwright playwright;
    private static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();
    /** The errors each page's console logged; Playwright calls its listeners on the thread that steers it. */
    private final Map<Page, List<String>> consoleErrors = new IdentityHashMap<>();

    private Chromium() {}

    /** A lease on the shared browser; Playwright wants it used from the thread that started it. */
    public static synchronized Chromium launch() {
        if (browser == null || !browser.isConnected()) {
            start();
        }
        return new Chromium();
    }

    private static void start() {
        Path executable = executable();
        if (playwright != null) {
            playwright.close();
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
        Playwright started = playwright;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }

    /**
     * A fresh browser profile: its own cookies and storage, as a second person at another computer. Its
     * waits (a click, a request to finish) give up after a minute, not Playwright's 30 seconds: on a busy
     * two-core machine, with two test JVMs and a browser each, one round trip can take that long.
     */
    public BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(WAIT.toMillis());
        context.onPage(this::watch);
        contexts.add(context);
        return context;
    }

    private void watch(Page page) {
        List<String> errors = new ArrayList<>();
        consoleErrors.put(page, errors);
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                note(errors, "console error: " + message.text());
            }
        });
        page.onPageError(error -> note(errors, "uncaught: " + error));
    }

    private static void note(List<String> errors, String error) {
        if (errors.size() < ERRORS) {
            errors.add(error);
        }
    }

    /** A page's address, visible text and console errors, for {@link BrowserEvidence}. */
    private String describe(Page page) {
        StringBuilder out = new StringBuilder("page ").append(page.url());
        try {
            String text = String.valueOf(page.evaluate("() => document.body ? document.body.innerText : ''"));
            out.append('\n').append(text.length() > TEXT ? text.substring(0, TEXT) + " …" : text);
        } catch (PlaywrightException e) {
            out.append("\n(its content could not be read: ").append(e.getMessage()).append(')');
        }
        consoleErrors.getOrDefault(page, List.of()).forEach(error -> out.append('\n').append(error));
        return out.toString();
    }

    private static Path executable() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new IllegalStateException("the Debian chromium is not installed; ./parley test installs it"
                + " (apt-get install -y chromium)");
    }

    /**
     * Closes the contexts of this lease, first noting what each page shows in case the test fails
     * ({@link BrowserEvidence}); the browser stays for the next test.
     */
    @Override
    public void close() {
        contexts.forEach(context -> context.pages().forEach(page -> BrowserEvidence.record(describe(page))));
        consoleErrors.clear();
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }
}
