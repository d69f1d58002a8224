package dev.parley.chatbot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.campaign.CampaignStore;
import dev.parley.campaign.Campaigns;
import dev.parley.conversation.Author;
import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactStore;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.NoteStore;
import dev.parley.conversation.StatePacket;
import dev.parley.conversation.TimelineStore;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import dev.parley.routing.Bot;
import dev.parley.store.Tx;
import java.util.Map;
import java.util.Optional;

/**
 * What bots change besides the transcript: contact and conversation data, and notes. Refusals are
 * {@link ClientError}s naming the field under {@code at} (the event's place in its body), thrown
 * before anything is written.
 */
final class ProfileUpdates {
    private final ConversationStore conversations;
    private final ContactStore contacts;
    private final TimelineStore timeline;
    private final NoteStore notes;
    private final Map<String, String> phoneRegions;
    private final Campaigns campaigns;

    /** {@code phoneRegions}: widget id → the region its contacts' national phone numbers are read in. */
    ProfileUpdates(ConversationStore conversations, ContactStore contacts, TimelineStore timeline, NoteStore notes,
            Map<String, String> phoneRegions, Campaigns campaigns) {
        this.campaigns = campaigns;
        this.conversations = conversations;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notes = notes;
        this.phoneRegions = Map.copyOf(phoneRegions);
    }

    void contact(Tx tx, Bot bot, String convId, BotAction.UpdateContact asSent, String at) {
        Conversation conv = conversations.find(tx.handle(), convId).orElseThrow();
        BotAction.UpdateContact u = withE164(asSent, Optional.ofNullable(phoneRegions.get(conv.widgetId())), at);
        Contact c = contacts.find(tx.handle(), conv.contactId()).orElseThrow();
        ObjectNode custom = c.customFields().deepCopy();
        u.customFields().ifPresent(custom::setAll);
        u.campaigns().ifPresent(on -> campaigns.set(tx, conv, on, CampaignStore.Source.BOT));
        contacts.update(tx, new Contact(c.id(), u.name().or(c::name), u.email().or(c::email),
                u.mobileNumber().or(c::mobileNumber), u.externalCustomerId().or(c::externalCustomerId), c.locale(),
                custom, c.campaigns(), c.pageTags(), c.createdAt()));
        internal(tx, bot, convId, new StatePacket.ContactUpdate(u.name(), u.email(), u.mobileNumber(),
                u.externalCustomerId(), u.customFields(), u.campaigns()));
    }

    void conversation(Tx tx, Bot bot, String convId, BotAction.UpdateConversation u) {
        Conversation c = conversations.find(tx.handle(), convId).orElseThrow();
        ObjectNode custom = c.customFields().deepCopy();
        u.customFields().ifPresent(custom::setAll);
        conversations.update(tx, new Conversation(c.id(), c.contactId(), c.widgetId(), c.groupId(), c.channelType(),
                c.status(), c.assignee(), c.sessionCid(), u.subject().or(c::subject),
                u.topics().map(t -> Json.MAPPER.<com.fasterxml.jackson.databind.node.ArrayNode>valueToTree(t))
                        .orElse(c.topics()),
                u.locale().or(c::locale), custom, c.pageUrl(), c.approachMode(), c.lastSeq(), c.createdAt(),
                c.lastActivityAt()));
        internal(tx, bot, convId, new StatePacket.ConversationUpdate(u.subject(), u.topics(), u.locale(),
                u.customFields()));
    }

    /** The update with its mobile number in E.164, read in {@code region} when written nationally. */
    private static BotAction.UpdateContact withE164(BotAction.UpdateContact u, Optional<String> region, String at) {
        if (u.mobileNumber().isEmpty()) {
            return u;
        }
        String written = u.mobileNumber().get();
        String e164 = PhoneNumbers.e164(written, region).orElseThrow(() -> {
            String path = at + "packet.payload.mobile_number";
            return ClientError.badRequest("invalid_event", path + ": " + PhoneNumbers.rule(written, region), path);
        });
        return new BotAction.UpdateContact(u.name(), u.email(), Optional.of(e164), u.externalCustomerId(),
                u.customFields(), u.campaigns());
    }

    /** A note on the conversation, or on its contact: a bot may name no other contact than its session's. */
    void note(Tx tx, Bot bot, String convId, BotAction.CreateNote n, String at) {
        Conversation conv = conversations.find(tx.handle(), convId).orElseThrow();
        if (n.contactIdentityId().isPresent() && !n.contactIdentityId().get().equals(conv.contactId())) {
            String path = at + "packet.payload.contact_identity_id";
            throw ClientError.badRequest("unknown_contact", path + ": '" + n.contactIdentityId().get()
                    + "' is not the contact of this session; use info.contact.id of the webhook call", path);
        }
        Author author = Author.bot(bot.id(), bot.name());
        NoteStore.Note note = n.contactIdentityId().isPresent()
                ? notes.add(tx, Optional.empty(), Optional.of(conv.contactId()), author, n.body())
                : notes.add(tx, Optional.of(convId), Optional.empty(), author, n.body());
        internal(tx, bot, convId, new StatePacket.NoteCreate(note.id(), n.body(),
                Optional.of(n.contactIdentityId().isPresent() ? "contact" : "conversation")));
    }

    private void internal(Tx tx, Bot bot, String convId, StatePacket line) {
        timeline.append(tx, convId, Author.bot(bot.id(), bot.name()), line, false,
                Optional.empty());
    }
}
