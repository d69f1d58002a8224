package dev.parley.channel.messenger;

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

/** A Facebook page on Messenger as a channel: its webhook in, the Send API out. */
public final class MessengerChannel implements ChannelAdapter {
    private final HubSignatures signatures;
    private final MessengerClient client;
    private final ChannelMedia media;

    public MessengerChannel(String appSecret, MessengerClient client, ChannelMedia media) {
        this.signatures = new HubSignatures(appSecret);
        this.client = client;
        this.media = media;
    }

    @Override
    public ChannelType type() {
        return ChannelType.MESSENGER;
    }

    @Override
    public Verification verify(InboundRequest request) {
        return signatures.verify(request);
    }

    @Override
    public List<InboundMessage> parse(InboundRequest request) {
        return HubSignatures.events(MessengerWebhook.parse(request.body())).stream()
                .flatMap(e -> message(e).stream()).toList();
    }

    @Override
    public List<DeliveryReport> reports(InboundRequest request) {
        return HubSignatures.events(MessengerWebhook.parse(request.body())).stream()
                .flatMap(e -> report(e).stream()).toList();
    }

    @Override
    public boolean numbered(ChoicePacket choice) {
        return Prompts.of(choice).map(p -> MessengerChoices.form(p).isEmpty())
                .orElse(choice instanceof ChoicePacket.Carousel);
    }

    @Override
    public SendResult send(String recipient, Packet packet, SentParts sent, String deliveryKey) {
        return GraphSends.sendAll(requests(recipient, packet), sent, client::send);
    }

    static List<ObjectNode> requests(String psid, Packet packet) {
        return switch (packet) {
            case ChatPacket.Message m -> m.textFormat().filter("markdown_v1"::equals).isPresent()
                    ? MessengerRequests.texts(psid, m.body()) : MessengerRequests.plainTexts(psid, m.body());
            case ChatPacket.Media m -> {
                String type = m.mimeType().startsWith("image/") ? "image" : m.mimeType().startsWith("video/")
                        ? "video" : m.mimeType().startsWith("audio/") ? "audio" : "file";
                ObjectNode file = MessengerRequests.request(psid, new MessengerMessage.Attachment(type, m.url()));
                yield m.caption().filter(c -> !c.isBlank()).map(c -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(file), MessengerRequests.plainTexts(psid, c).stream()).toList())
                        .orElse(List.of(file));
            }
            case ChoicePacket.Carousel c -> MessengerRequests.plainTexts(psid, Prompts.carousel(c)
                    .numbered(markdown -> MetaMarkup.render(markdown, MetaMarkup.Flavor.MESSENGER)));
            case ChoicePacket.Button b -> MessengerRequests.plainTexts(psid, Outgoing.links(b));
            case ChoicePacket.Buttons b -> MessengerRequests.plainTexts(psid, Outgoing.links(b));
            case ChoicePacket.Navigate n -> MessengerRequests.plainTexts(psid, Outgoing.links(n));
            case ChoicePacket c -> MessengerChoices.render(psid, Prompts.of(c).orElseThrow());
            case ChatPacket.Start s -> notSent(s);
            case ChatPacket.Click c -> notSent(c);
            case ChatPacket.Location l -> notSent(l);
            case ChatPacket.ForwardFailed f -> notSent(f);
            case ChatPacket.CampaignUnsubscribe u -> notSent(u);
            case ChatPacket.Template t -> notSent(t);
            case StatePacket s -> notSent(s);
            case Packet.Raw r -> notSent(r);
        };
    }

    private static List<ObjectNode> notSent(Packet packet) {
        throw new IllegalArgumentException(packet.event() + " is not sent to contacts");
    }

    private Optional<InboundMessage> message(MessengerInbound event) {
        return switch (event) {
            case MessengerInbound.Text t -> of(t.envelope(), List.of(ChatPacket.Message.text(t.text())));
            case MessengerInbound.QuickReply q -> of(q.envelope(), List.of(click(q.payload(), q.text())));
            case MessengerInbound.Postback p -> of(p.envelope(), List.of(click(p.payload(), p.title())));
            case MessengerInbound.Attachments a -> of(a.envelope(), a.attachments().stream().map(this::file).toList());
            case MessengerInbound.Delivery d -> Optional.empty();
            case MessengerInbound.Read r -> Optional.empty();
        };
    }

    private Packet file(MessengerInbound.Attachment attachment) {
        return switch (attachment.type()) {
            case "image", "audio", "video", "file" -> attachment.url().isEmpty()
                    ? ChatPacket.Message.text("(a " + attachment.type() + " without a link)")
                    : media.fetch(attachment.url(), Optional.empty());
            default -> ChatPacket.Message.text("(a " + attachment.type() + (attachment.url().isEmpty() ? ")"
                    : ": " + attachment.url() + ")"));
        };
    }

    private static Optional<InboundMessage> of(MessengerInbound.Envelope e, List<Packet> packets) {
        String id = e.mid().isEmpty() ? "postback:" + e.psid() + ":" + e.at().toEpochMilli() : e.mid();
        return Optional.of(new InboundMessage(id, e.psid(), Optional.empty(), e.at(), packets));
    }

    private static Packet click(String token, String label) {
        return new ChatPacket.Click(new ChoicePacket.Option(token, label), Optional.empty());
    }

    private static Optional<DeliveryReport> report(MessengerInbound event) {
        return switch (event) {
            case MessengerInbound.Delivery d -> Optional.of(new DeliveryReport(d.psid(), d.mids(),
                    DeliveryReport.Status.DELIVERED, d.watermark(), List.of()));
            case MessengerInbound.Read r -> Optional.of(new DeliveryReport(r.psid(), List.of(),
                    DeliveryReport.Status.READ, r.watermark(), List.of()));
            case MessengerInbound.Text t -> Optional.empty();
            case MessengerInbound.QuickReply q -> Optional.empty();
            case MessengerInbound.Postback p -> Optional.empty();
            case MessengerInbound.Attachments a -> Optional.empty();
        };
    }
}
