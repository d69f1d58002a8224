package dev.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.parley.config.DemoWorkspace;
import dev.parley.testing.Chromium;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPageBrowserTest {

    @Test
    void demoPageLoadsInChromium(@TempDir Path temp) {
        try (TestParley parley = TestParley.start(StoreKind.SQLITE, temp, "", java.util.Map.of());
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.newContext(Chromium.DESKTOP)) {
            Page page = context.newPage();
            page.navigate(parley.baseUrl() + "/demo");
            assertThat(page.title()).containsIgnoringCase("parley");
        }
    }
}
