package dev.parley.channel;

import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import java.util.List;
import java.util.Optional;

/**
 * One messaging channel's two halves against its vendor's real wire format (channels.md §1).
 *
 * <p>Inbound, in this order: {@link #verify} the raw bytes (before anything is parsed; a refusal
 * stores nothing), {@link #parse} them into the vendor's messages, which Parley de-duplicates by
 * {@link InboundMessage#vendorMessageId()} before storing the packets each one normalised to, and
 * {@link #reports} the statuses of messages Parley sent.
 *
 * <p>Outbound: {@link #send} renders one packet for the channel (binding table of channels.md §2,
 * every vendor limit enforced by falling back to the next form) into one or more vendor requests (its parts:
 * a text over the vendor's limit is split, a file's caption may follow it), sends those not yet taken, in
 * order, and answers with the vendor's message id or whether the failure is worth a retry. The parts taken
 * before a retryable failure are kept with the outbox entry, in the attempt's transaction, so a retry (even
 * after a restart) never sends the contact a part twice.
 *
 * <p>The website widget ({@link ChannelType#WEB}) has no adapter: no vendor signs or retries its calls (the contact
 * API authenticates the contact's token and de-duplicates by the client's id), and nothing is sent to it (it reads
 * the timeline through the live fan-out). What both have in common, storing the contact's packet and handing it on,
 * is {@link dev.parley.conversation.ContactWrites}, which the {@link InboundPipeline} and the contact API share.
 */
public interface ChannelAdapter {

    ChannelType type();

    /** Whether the request really comes from the vendor (signature over the raw body, secret token…). */
    Verification verify(InboundRequest request);

    /**
     * The vendor's messages in a verified request, each normalised to packets (media already downloaded and
     * stored); statuses and echoes give none.
     *
     * @throws dev.parley.error.ClientError 400 naming the field when the body is not the vendor's shape, 502 when
     *         a file the contact sent cannot be fetched yet (the vendor retries the webhook)
     */
    List<InboundMessage> parse(InboundRequest request);

    /** The delivery statuses in a verified request, in the vendor's order. */
    List<DeliveryReport> reports(InboundRequest request);

    /** Whether {@code choice} shows on this channel as the numbered text (so a number answers it). */
    boolean numbered(ChoicePacket choice);

    /**
     * Renders {@code packet} for {@code recipient} (the vendor's user id) and sends its parts after the
     * {@code sent.count()} first ones, which the vendor took on earlier attempts; the ids of a choice's options are
     * already its choice tokens. The same packet must render to the same parts on every attempt. A
     * {@link SendResult.Retry} tells the parts taken so far; {@link SendResult.Sent} gives the first part's id
     * (from {@code sent} when an earlier attempt sent it). {@code deliveryKey} is the same on every attempt of this one
     * send (the outbox entry's event id) and different for every other send, for vendors that take an idempotency
     * key.
     */
    SendResult send(String recipient, Packet packet, SentParts sent, String deliveryKey);

    /**
     * Called once the messages of a verified webhook call are stored (or found stored already), before the call is
     * answered: for what the vendor wants acknowledged by a call of its own (Telegram's {@code
     * answerCallbackQuery}, which stops the spinner on a tapped button). Nothing by default; a failure here is
     * the adapter's to log, as what came is stored.
     */
    default void afterStored(InboundRequest request) {
    }

    /**
     * Called when Parley starts, for a channel that tells its vendor where its webhook is (Telegram's {@code
     * setWebhook}); {@code webhookUrl} is {@code {public_base_url}/channels/{id}/webhook}. Not asked by default.
     */
    default Registration register(String webhookUrl) {
        return new Registration.NotAsked();
    }

    /**
     * Shows {@code recipient} that an answer is being written, while a bot's {@code delay} with typing runs (or an
     * operator types); best effort, as the indicator is transient. Nothing by default.
     */
    default void typing(String recipient) {
    }

    /**
     * The body the vendor expects in the {@code 200} answer to a webhook call Parley took, when it expects one
     * (Twilio wants TwiML); empty: Parley answers its own {@code {"stored": n}} JSON.
     */
    default Optional<WebhookReply> webhookReply() {
        return Optional.empty();
    }

    /**
     * Whether the vendor itself answers a contact who sends {@code keyword} with an opt-out confirmation (Twilio's
     * Advanced Opt-Out answers STOP at the carrier), so that Parley records the unsubscribe but sends no
     * confirmation of its own, which would reach the contact twice (or be refused, the number having opted out).
     */
    default boolean vendorConfirmsOptOut(String keyword) {
        return false;
    }

    /**
     * Whether the vendor's permanent {@code refusal} of a send means the contact opted out at the carrier (Twilio's
     * 21610); Parley then records them as unsubscribed from the channel's campaigns.
     */
    default boolean optedOut(SendResult.Permanent refusal) {
        return false;
    }
}
