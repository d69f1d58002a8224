package dev.parley.channel.custom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelAdapter;
import dev.parley.channel.ChannelMedia;
import dev.parley.channel.ChannelRegistry;
import dev.parley.channel.ChannelType;
import dev.parley.channel.DeliveryReport;
import dev.parley.channel.InboundMessage;
import dev.parley.channel.InboundRequest;
import dev.parley.channel.Outgoing;
import dev.parley.channel.SendResult;
import dev.parley.channel.SentParts;
import dev.parley.channel.Verification;
import dev.parley.channel.meta.Prompts;
import dev.parley.config.ChannelConfig;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.PacketCodec;
import dev.parley.conversation.StatePacket;
import dev.parley.json.Json;
import dev.parley.webhook.WebhookSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The custom channel (docs/custom-channel.md): a generic JSON protocol for integrations Parley does not know.
 * Both directions are signed as Parley signs bot webhooks ({@code Parley-Signature}, HMAC-SHA256 of
 * {@code "<t>.<raw body>"} with the channel's {@code token}); packets travel in the Chatbot API's own shape. A
 * choice goes out as its options (ids are choice tokens) and as the numbered text, so the contact may answer with
 * a {@code click} on a token or with the number.
 */
public final class CustomChannel implements ChannelAdapter {
    /** How far a signature's {@code t} may be from Parley's clock; older calls are refused as replays. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final String channelId;
    private final String token;
    private final CustomClient client;
    private final ChannelMedia media;
    private final Clock clock;

    CustomChannel(String channelId, String token, CustomClient client, ChannelMedia media, Clock clock) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the custom channel's token is empty");
        }
        this.channelId = channelId;
        this.token = token;
        this.client = client;
        this.media = media;
        this.clock = clock;
    }

    /** The channel {@code config} ({@code outbound_url}, {@code token}); signatures are checked on {@code clock}. */
    public static CustomChannel of(ChannelConfig config, ChannelMedia media, Clock clock) {
        return new CustomChannel(config.id(), config.secret("token"), new CustomClient(config.setting("outbound_url"),
                config.secret("token"), ChannelRegistry.VENDOR_TIMEOUT, clock), media, clock);
    }

    @Override
    public ChannelType type() {
        return ChannelType.CUSTOM;
    }

    @Override
    public Verification verify(InboundRequest request) {
        String header = WebhookSigner.HEADER;
        return switch (WebhookSigner.check(token, request.body(), request.header(header), clock.instant(),
                TOLERANCE)) {
            case WebhookSigner.Check.Valid valid -> new Verification.Verified();
            case WebhookSigner.Check.Missing missing -> new Verification.Refused("no " + header + " header");
            case WebhookSigner.Check.Malformed malformed -> new Verification.Refused(header + ": "
                    + malformed.detail());
            case WebhookSigner.Check.Mismatch mismatch -> new Verification.Refused(header
                    + " does not match the body signed with the channel's token");
            case WebhookSigner.Check.Expired expired -> new Verification.Refused(header + ": t is "
                    + expired.off().toSeconds() + " s from now, more than " + TOLERANCE.toSeconds() + " s");
        };
    }

    @Override
    public List<InboundMessage> parse(InboundRequest request) {
        return switch (CustomCall.parse(request.body(), clock.instant())) {
            case CustomCall.Message m -> List.of(new InboundMessage(m.id(), m.userId(), m.userName(), m.sentAt(),
                    List.of(packet(m))));
            case CustomCall.Report r -> List.of();
        };
    }

    @Override
    public List<DeliveryReport> reports(InboundRequest request) {
        return switch (CustomCall.parse(request.body(), clock.instant())) {
            case CustomCall.Message m -> List.of();
            case CustomCall.Report r -> List.of(new DeliveryReport("", r.messageIds(), r.status(), r.at(),
                    r.error().stream().toList()));
        };
    }

    /** Every choice with options goes out with its numbered text as well, so a number right after answers it. */
    @Override
    public boolean numbered(ChoicePacket choice) {
        return Prompts.of(choice).isPresent() || choice instanceof ChoicePacket.Carousel;
    }

    @Override
    public SendResult send(String recipient, Packet packet, SentParts sent, String deliveryKey) {
        Optional<String> text = text(packet);
        if (text.isEmpty()) {
            return new SendResult.Permanent("unsupported", packet.event() + " is not sent on a custom channel");
        }
        ObjectNode body = Json.object().put("channel_id", channelId);
        body.putObject("user").put("id", recipient);
        body.set("packet", PacketCodec.toJson(packet));
        body.put("text", text.get());
        return client.post(body, deliveryKey);
    }

    private Packet packet(CustomCall.Message m) {
        return switch (m.name()) {
            case "media" -> media.fetch(m.payload().path("url").asText(),
                    Optional.ofNullable(m.payload().get("caption")).filter(c -> c.isTextual()).map(c -> c.asText()));
            default -> PacketCodec.read(m.name(), m.payload());
        };
    }

    /** What an integration that shows only text shows: the packet as plain lines, a choice as numbered text. */
    static Optional<String> text(Packet packet) {
        return switch (packet) {
            case ChatPacket.Message m -> Optional.of(m.body());
            case ChatPacket.Media m -> Optional.of(m.caption().filter(c -> !c.isBlank()).map(c -> c + "\n").orElse("")
                    + m.url());
            case ChoicePacket.Carousel c -> Optional.of(Prompts.carousel(c).numbered(t -> t));
            case ChoicePacket.Button b -> Optional.of(Outgoing.links(b));
            case ChoicePacket.Buttons b -> Optional.of(Outgoing.links(b));
            case ChoicePacket.Navigate n -> Optional.of(Outgoing.links(n));
            case ChoicePacket c -> Prompts.of(c).map(p -> p.numbered(t -> t));
            case ChatPacket.Template t -> Optional.empty();
            case ChatPacket.Start s -> Optional.empty();
            case ChatPacket.Click c -> Optional.empty();
            case ChatPacket.Location l -> Optional.empty();
            case ChatPacket.ForwardFailed f -> Optional.empty();
            case ChatPacket.CampaignUnsubscribe u -> Optional.empty();
            case StatePacket s -> Optional.empty();
            case Packet.Raw r -> Optional.empty();
        };
    }
}
