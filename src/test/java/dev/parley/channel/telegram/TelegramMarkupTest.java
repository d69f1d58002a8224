package dev.parley.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelegramMarkupTest {

    @Test
    void reservedCharactersStayAsTheyAreAndEntitiesCountUtf16Units() {
        TelegramText text = TelegramMarkup.render("1+1=2. {ok}! #tag (a) [x] a|b - > end. 😀 **b😀ld** 👍 `c_d*e`");
        assertThat(text.text()).isEqualTo("1+1=2. {ok}! #tag (a) [x] a|b - > end. 😀 b😀ld 👍 c_d*e");
        int bold = text.text().indexOf("b😀ld");
        assertThat(text.entities()).containsExactly(
                new TelegramText.Entity("bold", bold, 5, Optional.empty()),
                new TelegramText.Entity("code", text.text().indexOf("c_d*e"), 5, Optional.empty()));
        assertThat(text.text().substring(bold, bold + 5)).isEqualTo("b😀ld");
    }

    @Test
    void linksUnderlineStrikeQuotesCodeBlocksAndLists() {
        TelegramText text = TelegramMarkup.render("""
                # Title
                [docs](https://example.com/x_(y)) and [mail](mailto:a@b.c) __u__ ~~s~~

                > quoted *it*

                ```
                a < b
                ```
                - one
                - two""");
        assertThat(text.text()).isEqualTo("Title\n\ndocs and mail (mailto:a@b.c) u s\n\nquoted it\n\na < b\n\n- one\n- two");
        assertThat(text.entities()).extracting(TelegramText.Entity::type).containsExactly("bold", "text_link",
                "underline", "strikethrough", "italic", "blockquote", "pre");
        TelegramText.Entity link = text.entities().get(1);
        assertThat(link.url()).contains("https://example.com/x_(y)");
        assertThat(text.text().substring(link.offset(), link.offset() + link.length())).isEqualTo("docs");
        TelegramText.Entity quote = text.entities().get(5);
        assertThat(text.text().substring(quote.offset(), quote.offset() + quote.length())).isEqualTo("quoted it");
    }

    @Test
    void partsCarryTheEntitiesThatFallIntoThemCutAndCountedFromTheirStart() {
        TelegramText text = new TelegramText("aaa 😀bb ccc", List.of(
                new TelegramText.Entity("bold", 2, 5, Optional.empty()),
                new TelegramText.Entity("italic", 9, 3, Optional.empty())));
        List<TelegramText> parts = text.parts(7);
        assertThat(parts).extracting(TelegramText::text).containsExactly("aaa", "😀bb", "ccc");
        assertThat(parts.get(0).entities()).containsExactly(new TelegramText.Entity("bold", 2, 1, Optional.empty()));
        assertThat(parts.get(1).entities()).containsExactly(new TelegramText.Entity("bold", 0, 3, Optional.empty()));
        assertThat(parts.get(2).entities()).containsExactly(new TelegramText.Entity("italic", 0, 3, Optional.empty()));
    }
}
