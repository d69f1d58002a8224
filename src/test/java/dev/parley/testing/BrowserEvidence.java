package dev.parley.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * What the browser showed when a browser test failed, in the failure's report: each page's address, its visible
 * text and the errors its console logged, as {@link Chromium#close()} found them (a test's browser closes before
 * its failure reaches JUnit). A wait that timed out then says what was on screen instead, so a failure seen once
 * on a busy machine can be explained from the report alone. Registered for every test in
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}; tests without a browser record nothing.
 */
public final class BrowserEvidence implements BeforeEachCallback, TestExecutionExceptionHandler {
    private static final List<String> pages = new ArrayList<>();

    /** One page as a closing browser lease found it. */
    static synchronized void record(String page) {
        pages.add(page);
    }

    private static synchronized List<String> take() {
        List<String> taken = List.copyOf(pages);
        pages.clear();
        return taken;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        take();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        List<String> shown = take();
        if (!shown.isEmpty()) {
            failure.addSuppressed(new Shown(String.join("\n\n", shown)));
        }
        throw failure;
    }

    /** Carries the pages into the report, as a suppressed exception of the failure (no stack trace of its own). */
    static final class Shown extends Exception {
        Shown(String pages) {
            super("the browser showed, as the test's browser closed:\n" + pages, null, false, false);
        }
    }
}
