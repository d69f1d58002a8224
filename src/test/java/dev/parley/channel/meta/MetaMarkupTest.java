package dev.parley.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.channel.TextSplit;
import dev.parley.channel.meta.MetaMarkup.Flavor;
import org.junit.jupiter.api.Test;

/** markdown_v1 as WhatsApp and Messenger markup, and texts cut at word boundaries. */
class MetaMarkupTest {

    @Test
    void inlineStylesBecomeWhatsAppMarkup() {
        assertThat(MetaMarkup.render("**bold**, _italic_, ~~gone~~, __under__ and `x = 1`", Flavor.WHATSAPP))
                .isEqualTo("*bold*, _italic_, ~gone~, under and ```x = 1```");
        assertThat(MetaMarkup.render("`x = 1`", Flavor.MESSENGER)).isEqualTo("`x = 1`");
    }

    @Test
    void linksShowTheirAddressAndBlocksKeepTheirLines() {
        assertThat(MetaMarkup.render("See [the docs](https://example.com/d) or https://example.com", Flavor.WHATSAPP))
                .isEqualTo("See the docs (https://example.com/d) or https://example.com");
        assertThat(MetaMarkup.render("Steps:\n\n1. one\n2. **two**\n\n- a\n- b\n\n> quoted\n\n```\ncode\n```",
                Flavor.WHATSAPP)).isEqualTo("Steps:\n\n1. one\n2. *two*\n\n- a\n- b\n\n> quoted\n\n```code```");
    }

    @Test
    void rawHtmlStaysLiteralText() {
        assertThat(MetaMarkup.render("a <b>tag</b>", Flavor.MESSENGER)).isEqualTo("a <b>tag</b>");
    }

    @Test
    void longTextsAreCutAtWordBoundaries() {
        assertThat(TextSplit.atWords("one two three four", 9)).containsExactly("one two", "three", "four");
        assertThat(TextSplit.atWords("abcdefghij klm", 4)).containsExactly("abcd", "efgh", "ij", "klm");
        assertThat(TextSplit.atWords("short", 2000)).containsExactly("short");
        assertThat(TextSplit.atWords("ab😀cd", 3)).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(3))
                .containsExactly("ab", "😀c", "d");
    }
}
