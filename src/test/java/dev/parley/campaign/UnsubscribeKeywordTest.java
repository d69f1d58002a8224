package dev.parley.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Packet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as the unsubscribe keyword: the whole message, letter case and surrounding white space aside. */
class UnsubscribeKeywordTest {

    @Test
    void theKeywordIsTheWholeMessageInAnyCaseWithWhiteSpaceAround() {
        assertThat(UnsubscribeKeyword.isKeyword("STOP", text("STOP"))).isTrue();
        assertThat(UnsubscribeKeyword.isKeyword("STOP", text("stop"))).isTrue();
        assertThat(UnsubscribeKeyword.isKeyword("STOP", text(" \tStop \n"))).isTrue();
        assertThat(UnsubscribeKeyword.isKeyword("Abmelden", text("ABMELDEN"))).isTrue();
        assertThat(UnsubscribeKeyword.isKeyword("STOP", text("please stop"))).isFalse();
        assertThat(UnsubscribeKeyword.isKeyword("STOP", text("STOP!"))).isFalse();
        assertThat(UnsubscribeKeyword.isKeyword("STOP", text("S T O P"))).isFalse();
        assertThat(UnsubscribeKeyword.isKeyword("STOP", text(""))).isFalse();
    }

    @Test
    void onlyASingleTextCounts() {
        List<Packet> two = List.of(ChatPacket.Message.text("STOP"), ChatPacket.Message.text("STOP"));
        assertThat(UnsubscribeKeyword.isKeyword("STOP", two)).isFalse();
        assertThat(UnsubscribeKeyword.isKeyword("STOP", List.of(new ChatPacket.Location(1, 2,
                java.util.Optional.of("STOP"), java.util.Optional.empty())))).isFalse();
        assertThat(UnsubscribeKeyword.isKeyword("  ", text("  "))).isFalse();
    }

    private static List<Packet> text(String body) {
        return List.of(ChatPacket.Message.text(body));
    }
}
