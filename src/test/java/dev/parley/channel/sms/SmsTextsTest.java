package dev.parley.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Packets as SMS texts: markup stripped, files and link buttons as links, every choice numbered, 1,600 at most. */
class SmsTextsTest {

    @Test
    void markdownLosesItsMarksButKeepsLinksAndLines() {
        ChatPacket.Message m = new ChatPacket.Message("**Bold**, _italic_, ~~gone~~, `x = 1`\n\n- a\n- b\n\n"
                + "See [the docs](https://example.com/d).", Optional.of("markdown_v1"));
        assertThat(SmsTexts.bodies(m).orElseThrow()).containsExactly(
                "Bold, italic, gone, x = 1\n\n- a\n- b\n\nSee the docs (https://example.com/d).");
        assertThat(SmsTexts.bodies(ChatPacket.Message.text("**as typed**")).orElseThrow())
                .containsExactly("**as typed**");
    }

    @Test
    void aLongTextIsCutAtWordsIntoBodiesOfAtMost1600() {
        String text = "word ".repeat(700).strip();
        List<String> bodies = SmsTexts.bodies(ChatPacket.Message.text(text)).orElseThrow();
        assertThat(bodies).hasSize(3).allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(1600)
                .isGreaterThan(0)).allSatisfy(b -> assertThat(b).doesNotStartWith(" ").doesNotEndWith(" "));
        assertThat(String.join(" ", bodies)).isEqualTo(text);
    }

    @Test
    void choicesFilesAndLinksAreText() {
        ChoicePacket.Bubbles bubbles = new ChoicePacket.Bubbles(Optional.of("Pick one"), Optional.empty(),
                List.of(new ChoicePacket.Option("t1", "Yes"), new ChoicePacket.Option("t2", "No")), "Answer **1** or 2:");
        assertThat(SmsTexts.bodies(bubbles).orElseThrow()).containsExactly("Answer 1 or 2:\n1. Yes\n2. No");
        ChatPacket.Media media = new ChatPacket.Media("https://chat.example.com/media/m1/cat.jpg", "image/jpeg",
                "cat.jpg", 10, Optional.of("my cat"), Optional.empty());
        assertThat(SmsTexts.bodies(media).orElseThrow())
                .containsExactly("my cat\nhttps://chat.example.com/media/m1/cat.jpg");
        ChoicePacket.Button button = new ChoicePacket.Button(Optional.of("Read on"), "Docs", "https://example.com");
        assertThat(SmsTexts.bodies(button).orElseThrow()).containsExactly("Read on\nDocs: https://example.com");
        assertThat(SmsTexts.bodies(new ChatPacket.Template("winback", "en", List.of()))).isEmpty();
    }
}
