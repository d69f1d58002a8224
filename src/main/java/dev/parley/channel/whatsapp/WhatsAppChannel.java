package dev.parley.channel.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelAdapter;
import dev.parley.channel.ChannelMedia;
import dev.parley.channel.ChannelType;
import dev.parley.channel.DeliveryReport;
import dev.parley.channel.InboundMessage;
import dev.parley.channel.InboundRequest;
import dev.parley.channel.Outgoing;
import dev.parley.channel.SendResult;
import dev.parley.channel.SentParts;
import dev.parley.channel.Verification;
import dev.parley.channel.meta.GraphSends;
import dev.parley.channel.meta.HubSignatures;
import dev.parley.channel.meta.MetaMarkup;
import dev.parley.channel.meta.Prompts;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.conversation.StatePacket;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A WhatsApp Cloud API business number as a channel: its webhook in, its messages out. */
public final class WhatsAppChannel implements ChannelAdapter {
    private static final Logger log = LoggerFactory.getLogger(WhatsAppChannel.class);

    private final String channelId;
    private final HubSignatures signatures;
    private final WhatsAppClient client;
    private final WhatsAppInboundMessages inbound;

    public WhatsAppChannel(String channelId, String appSecret, WhatsAppClient client, ChannelMedia media) {
        this.channelId = channelId;
        this.signatures = new HubSignatures(appSecret);
        this.client = client;
        this.inbound = new WhatsAppInboundMessages(client, media);
    }

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public Verification verify(InboundRequest request) {
        return signatures.verify(request);
    }

    @Override
    public List<InboundMessage> parse(InboundRequest request) {
        List<WhatsAppInbound> events = HubSignatures.events(WhatsAppWebhook.parse(request.body()));
        events.forEach(this::logErrors);
        return events.stream().flatMap(e -> inbound.message(e).stream()).toList();
    }

    @Override
    public List<DeliveryReport> reports(InboundRequest request) {
        return HubSignatures.events(WhatsAppWebhook.parse(request.body())).stream()
                .flatMap(e -> e instanceof WhatsAppInbound.Status s ? Optional.of(report(s)).stream()
                        : Optional.<DeliveryReport>empty().stream())
                .toList();
    }

    @Override
    public boolean numbered(ChoicePacket choice) {
        return Prompts.of(choice).map(p -> WhatsAppChoices.form(p).isEmpty())
                .orElse(choice instanceof ChoicePacket.Carousel);
    }

    @Override
    public SendResult send(String recipient, Packet packet, SentParts sent, String deliveryKey) {
        return GraphSends.sendAll(requests(recipient, packet), sent, client::send);
    }

    static List<ObjectNode> requests(String to, Packet packet) {
        return switch (packet) {
            case ChatPacket.Message m -> m.textFormat().filter("markdown_v1"::equals).isPresent()
                    ? WhatsAppRequests.texts(to, m.body()) : WhatsAppRequests.plainTexts(to, m.body());
            case ChatPacket.Media m -> List.of(WhatsAppRequests.request(to, media(m)));
            case ChatPacket.Template t -> List.of(WhatsAppRequests.request(to, template(t)));
            case ChoicePacket.Carousel c -> WhatsAppRequests.plainTexts(to, Prompts.carousel(c)
                    .numbered(markdown -> MetaMarkup.render(markdown, MetaMarkup.Flavor.WHATSAPP)));
            case ChoicePacket.Button b -> WhatsAppRequests.plainTexts(to, Outgoing.links(b));
            case ChoicePacket.Buttons b -> WhatsAppRequests.plainTexts(to, Outgoing.links(b));
            case ChoicePacket.Navigate n -> WhatsAppRequests.plainTexts(to, Outgoing.links(n));
            case ChoicePacket c -> WhatsAppChoices.render(to, Prompts.of(c).orElseThrow());
            case ChatPacket.Start s -> notSent(s);
            case ChatPacket.Click c -> notSent(c);
            case ChatPacket.Location l -> notSent(l);
            case ChatPacket.ForwardFailed f -> notSent(f);
            case ChatPacket.CampaignUnsubscribe u -> notSent(u);
            case StatePacket s -> notSent(s);
            case Packet.Raw r -> notSent(r);
        };
    }

    private static WhatsAppMessage media(ChatPacket.Media m) {
        WhatsAppInbound.MediaKind kind = m.mimeType().startsWith("image/") ? WhatsAppInbound.MediaKind.IMAGE
                : m.mimeType().startsWith("video/") ? WhatsAppInbound.MediaKind.VIDEO
                : m.mimeType().startsWith("audio/") ? WhatsAppInbound.MediaKind.AUDIO
                : WhatsAppInbound.MediaKind.DOCUMENT;
        Optional<String> caption = kind == WhatsAppInbound.MediaKind.AUDIO ? Optional.empty()
                : m.caption().filter(c -> !c.isBlank()).map(c -> c.length() > WhatsAppLimits.CAPTION
                        ? c.substring(0, WhatsAppLimits.CAPTION) : c);
        return new WhatsAppMessage.Media(kind, new MediaSource.Link(m.url()), caption,
                kind == WhatsAppInbound.MediaKind.DOCUMENT ? Optional.of(m.filename()) : Optional.empty());
    }

    /** An approved template with its body placeholders filled in, in order. */
    static WhatsAppMessage.Template template(ChatPacket.Template t) {
        List<TemplateComponent> components = t.parameters().isEmpty() ? List.of()
                : List.of(new TemplateComponent("body", Optional.empty(), Optional.empty(), t.parameters().stream()
                        .<TemplateComponent.Parameter>map(TemplateComponent.Parameter.Text::new).toList()));
        return new WhatsAppMessage.Template(t.name(), t.language(), components);
    }

    private static List<ObjectNode> notSent(Packet packet) {
        throw new IllegalArgumentException(packet.event() + " is not sent to contacts");
    }

    private static DeliveryReport report(WhatsAppInbound.Status s) {
        DeliveryReport.Status status = switch (s.status()) {
            case SENT -> DeliveryReport.Status.SENT;
            case DELIVERED -> DeliveryReport.Status.DELIVERED;
            case READ -> DeliveryReport.Status.READ;
            case FAILED -> DeliveryReport.Status.FAILED;
        };
        return new DeliveryReport(s.recipientId(), List.of(s.messageId()), status, s.at(),
                s.errors().stream().map(WhatsAppChannel::describe).toList());
    }

    static String describe(WhatsAppError e) {
        return "(#" + e.code() + ") " + e.title() + e.details().or(e::message).map(d -> ": " + d).orElse("");
    }

    private void logErrors(WhatsAppInbound event) {
        if (event instanceof WhatsAppInbound.Errors errors) {
            log.warn("channel {}: WhatsApp reports errors: {}", channelId,
                    errors.errors().stream().map(WhatsAppChannel::describe).toList());
        } else if (event instanceof WhatsAppInbound.Unsupported u && !u.errors().isEmpty()) {
            log.warn("channel {}: a {} message came with errors: {}", channelId, u.type(),
                    u.errors().stream().map(WhatsAppChannel::describe).toList());
        }
    }
}
