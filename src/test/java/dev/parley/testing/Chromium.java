package dev.parley.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Debian {@code chromium} steered by Playwright, headless. {@code ./parley test} installs the
 * browser when it is missing; Playwright never downloads one.
 */
public final class Chromium implements AutoCloseable {
    /** A desktop and a phone-sized window. */
    public static final Browser.NewContextOptions DESKTOP = new Browser.NewContextOptions().setViewportSize(1280, 800);
    public static final Browser.NewContextOptions PHONE = new Browser.NewContextOptions().setViewportSize(390, 844)
            .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = executable();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser profile: its own cookies and storage, as a second person at another computer. */
    public BrowserContext newContext(Browser.NewContextOptions options) {
        return browser.newContext(options);
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

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
