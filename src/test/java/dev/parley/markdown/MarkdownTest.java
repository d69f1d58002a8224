package dev.parley.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z0-9]+)([^>]*)>");

    @Test
    void everyMarkdownV1FormRendersToItsTag() {
        String html = Markdown.toHtml("""
                **bold** _italic_ ~~gone~~ __under__ `code` [docs](https://example.com/a?b=1)

                - one
                - two

                1. first

                > quoted

                ```
                block
                ```""");
        assertThat(html).contains("<strong>bold</strong>", "<em>italic</em>", "<del>gone</del>", "<u>under</u>",
                "<code>code</code>", "<ul>", "<li>one</li>", "<ol>", "<blockquote>", "<pre><code>block");
        assertThat(html).contains("href=\"https://example.com/a?b&#61;1\"")
                .contains("noopener", "noreferrer", "nofollow");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=https://evil.example></iframe>",
        "**<svg onload=alert(1)>**",
        "<style>body{display:none}</style>"
    })
    void hostileInputCannotRunScript(String hostile) {
        Matcher tags = TAG.matcher(Markdown.toHtml(hostile));
        while (tags.find()) {
            assertThat(tags.group(1)).isIn("p", "br", "strong", "em", "u", "del", "code", "pre", "ul", "ol", "li",
                    "blockquote", "a");
            assertThat(tags.group(2)).matches("(\\s+(href=\"((https?|mailto):[^\"]*)?\"|rel=\"[a-z ]*\"))*\\s*");
        }
    }
}
