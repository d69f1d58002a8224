package dev.parley.channel.sms;

import dev.parley.channel.WebhookReply;
import dev.parley.channel.ChannelAdapter;
import dev.parley.channel.ChannelMedia;
import dev.parley.channel.ChannelType;
import dev.parley.channel.DeliveryReport;
import dev.parley.channel.InboundMessage;
import dev.parley.channel.InboundRequest;
import dev.parley.channel.SendResult;
import dev.parley.channel.SentParts;
import dev.parley.channel.Verification;
import dev.parley.config.ChannelConfig;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Twilio phone number as an SMS channel (Programmable Messaging): Twilio's signed form posts in (messages,
 * MMS files, status callbacks), its Messages API out, every answer as plain text.
 */
public final class SmsChannel implements ChannelAdapter {
    /** The opt-out keywords Twilio answers itself on long codes (its default opt-out handling). */
    static final Set<String> TWILIO_OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    /** Twilio's "Attempt to send to unsubscribed recipient": the contact replied STOP to the number. */
    static final String UNSUBSCRIBED = "21610";
    private static final WebhookReply EMPTY_TWIML = new WebhookReply("text/xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");

    private final TwilioSignature signature;
    private final TwilioClient client;
    private final SmsInbound inbound;
    private final String from;
    private final String webhookUrl;

    SmsChannel(TwilioSignature signature, TwilioClient client, SmsInbound inbound, String from, String webhookUrl) {
        this.signature = signature;
        this.client = client;
        this.inbound = inbound;
        this.from = from;
        this.webhookUrl = webhookUrl;
    }

    /**
     * The channel of {@code config} ({@code account_sid}, {@code from}, {@code auth_token}); {@code webhookUrl} is
     * its public webhook URL, which Twilio signs and which is given to Twilio as each message's
     * {@code StatusCallback}.
     */
    public static SmsChannel of(ChannelConfig config, ChannelMedia media, String webhookUrl, Duration timeout) {
        String authToken = config.secret("auth_token");
        TwilioClient client = new TwilioClient(config.apiBaseUrl(), config.setting("account_sid"), authToken,
                timeout);
        return new SmsChannel(new TwilioSignature(authToken, webhookUrl), client,
                new SmsInbound(client, media, Clock.systemUTC()), config.setting("from"), webhookUrl);
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public Verification verify(InboundRequest request) {
        return signature.verify(request);
    }

    @Override
    public List<InboundMessage> parse(InboundRequest request) {
        return switch (TwilioWebhook.parse(request.body())) {
            case TwilioInbound.Message m -> List.of(inbound.message(m));
            case TwilioInbound.Status s -> List.of();
        };
    }

    @Override
    public List<DeliveryReport> reports(InboundRequest request) {
        return switch (TwilioWebhook.parse(request.body())) {
            case TwilioInbound.Message m -> List.of();
            case TwilioInbound.Status s -> inbound.report(s).stream().toList();
        };
    }

    /** SMS shows every choice as the numbered text; link buttons have nothing to pick. */
    @Override
    public boolean numbered(ChoicePacket choice) {
        return !choice.choices().isEmpty();
    }

    @Override
    public SendResult send(String recipient, Packet packet, SentParts sent, String deliveryKey) {
        Optional<List<String>> bodies = SmsTexts.bodies(packet);
        if (bodies.isEmpty()) {
            return new SendResult.Permanent("unsupported", packet.event() + " cannot be sent by SMS");
        }
        SentParts taken = sent;
        for (String body : bodies.get().subList(Math.min(sent.count(), bodies.get().size()), bodies.get().size())) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("To", recipient);
            form.put("From", from);
            form.put("Body", body);
            form.put("StatusCallback", webhookUrl);
            switch (client.send(form)) {
                case TwilioOutcome.Done<String> done -> taken = taken.plus(done.value());
                case TwilioOutcome.Retry<String> retry -> {
                    return new SendResult.Retry(retry.reason(), retry.retryAfter(), taken);
                }
                case TwilioOutcome.Permanent<String> permanent -> {
                    return new SendResult.Permanent(permanent.code(), permanent.code().equals(UNSUBSCRIBED)
                            ? "the contact unsubscribed at the carrier (replied STOP to the number): "
                            + permanent.reason() : permanent.reason());
                }
            }
        }
        return new SendResult.Sent(taken.firstVendorMessageId()
                .orElseThrow(() -> new IllegalArgumentException("nothing to send")));
    }

    /** Twilio expects TwiML; an empty {@code <Response/>} acknowledges without a reply of its own. */
    @Override
    public Optional<WebhookReply> webhookReply() {
        return Optional.of(EMPTY_TWIML);
    }

    /** Twilio's 21610: the contact replied STOP to the number, and Twilio sends nothing more until START. */
    @Override
    public boolean optedOut(SendResult.Permanent refusal) {
        return refusal.code().equals(UNSUBSCRIBED);
    }

    /** Twilio answers its opt-out keywords itself and blocks the number, so Parley does not confirm them. */
    @Override
    public boolean vendorConfirmsOptOut(String keyword) {
        return TWILIO_OPT_OUT.contains(keyword.strip().toUpperCase(Locale.ROOT));
    }
}
