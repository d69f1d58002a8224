package dev.parley.channel;

import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Choices;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Packet;
import dev.parley.conversation.TimelineItem;
import dev.parley.conversation.TimelineStore;
import dev.parley.store.Tx;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contact's answer to a choice on a messaging channel, per chatbot-api.md §10: the first pick of a choice in
 * the conversation it was shown in is a {@code click}; a later pick, or one after that conversation ended, is a
 * {@code message} whose body is the label. A number sent right after a choice shown as the numbered text is a
 * {@code click} on that option; otherwise it stays a message.
 */
final class ChoiceAnswers {
    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{1,3})\\.?\\s*");

    private final ChoiceTokens tokens;
    private final TimelineStore timeline;

    ChoiceAnswers(ChoiceTokens tokens, TimelineStore timeline) {
        this.tokens = tokens;
        this.timeline = timeline;
    }

    /** What {@code packet} becomes in {@code conversation} (the contact's open one on the channel, if any). */
    Packet resolve(Tx tx, ChannelAdapter adapter, Optional<Conversation> conversation, Packet packet) {
        if (packet instanceof ChatPacket.Click click) {
            return picked(tx, conversation, click);
        }
        if (packet instanceof ChatPacket.Message message) {
            return conversation.flatMap(c -> numbered(tx, adapter, c, message.body())).orElse(packet);
        }
        return packet;
    }

    private Packet picked(Tx tx, Optional<Conversation> conversation, ChatPacket.Click click) {
        ChatPacket.Message asText = ChatPacket.Message.text(click.value().label());
        Optional<ChoiceTokens.Choice> choice = tokens.resolve(tx.handle(), click.value().id())
                .filter(c -> conversation.map(Conversation::id).filter(c.conversationId()::equals).isPresent());
        if (choice.isEmpty()) {
            return asText;
        }
        Optional<TimelineItem> shown = timeline.atSeq(tx.handle(), choice.get().conversationId(),
                choice.get().choiceSeq());
        if (shown.isEmpty() || Choices.answered(tx.handle(), shown.get().id())) {
            return asText;
        }
        return new ChatPacket.Click(Choices.option(shown.get(), choice.get().optionId()),
                Optional.of(shown.get().id()));
    }

    private Optional<Packet> numbered(Tx tx, ChannelAdapter adapter, Conversation conversation, String body) {
        var number = NUMBER.matcher(body);
        if (!number.matches()) {
            return Optional.empty();
        }
        Optional<TimelineItem> last = timeline.lastVisible(tx.handle(), conversation.id());
        if (last.isEmpty() || !(last.get().packet() instanceof ChoicePacket choice) || !adapter.numbered(choice)
                || Choices.answered(tx.handle(), last.get().id())) {
            return Optional.empty();
        }
        List<ChoicePacket.Option> options = choice.choices();
        int n = Integer.parseInt(number.group(1));
        if (n < 1 || n > options.size()) {
            return Optional.empty();
        }
        return Optional.of(new ChatPacket.Click(options.get(n - 1), Optional.of(last.get().id())));
    }
}
