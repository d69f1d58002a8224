package dev.parley.channel.threema;

import dev.parley.channel.ChannelMedia;
import dev.parley.channel.DeliveryReport;
import dev.parley.channel.InboundMessage;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.Packet;
import dev.parley.error.ClientError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verified callback of the Gateway opened and read: the box opened with the gateway's private key and the
 * sender's public key (fetched from the Gateway, cached), its padding stripped, its type read. Texts become
 * {@code message}s, files and legacy images are downloaded ({@code blobs/{id}}), decrypted and stored as
 * {@code media}, delivery receipts become reports; other types are logged and left.
 */
final class ThreemaInbound {
    private static final Logger log = LoggerFactory.getLogger(ThreemaInbound.class);

    private final String channelId;
    private final String gatewayId;
    private final byte[] privateKey;
    private final ThreemaClient client;
    private final ChannelMedia media;

    ThreemaInbound(String channelId, String gatewayId, byte[] privateKey, ThreemaClient client, ChannelMedia media) {
        this.channelId = channelId;
        this.gatewayId = gatewayId;
        this.privateKey = privateKey.clone();
        this.client = client;
        this.media = media;
    }

    /** The contact's message in the callback, if it is one Parley keeps (not a receipt, not an unknown type). */
    Optional<InboundMessage> message(byte[] body) {
        Opened opened = open(body);
        Optional<Packet> packet = switch (opened.message()) {
            case ThreemaMessage.Text t -> Optional.of(ChatPacket.Message.text(t.text()));
            case ThreemaMessage.File f -> Optional.of(file(f));
            case ThreemaMessage.Image i -> Optional.of(image(opened, i));
            case ThreemaMessage.Receipt r -> Optional.empty();
            case ThreemaMessage.Other o -> {
                log.info("channel {}: a Threema message of type 0x{} from {} is not read by Parley", channelId,
                        Integer.toHexString(o.type()), opened.callback().from());
                yield Optional.empty();
            }
        };
        ThreemaCallback c = opened.callback();
        return packet.map(p -> new InboundMessage(c.from() + "/" + c.messageId(), c.from(), c.nickname(),
                ThreemaChannel.at(c), List.of(p)));
    }

    /** The delivery receipt in the callback: 1 received → delivered, 2 read; acknowledgements are not statuses. */
    Optional<DeliveryReport> report(byte[] body) {
        Opened opened = open(body);
        if (!(opened.message() instanceof ThreemaMessage.Receipt receipt)) {
            return Optional.empty();
        }
        Optional<DeliveryReport.Status> status = switch (receipt.status()) {
            case 1 -> Optional.of(DeliveryReport.Status.DELIVERED);
            case 2 -> Optional.of(DeliveryReport.Status.READ);
            default -> Optional.empty();
        };
        if (status.isEmpty()) {
            log.debug("channel {}: receipt status {} from {} is not a delivery status", channelId, receipt.status(),
                    opened.callback().from());
        }
        return status.map(s -> new DeliveryReport(opened.callback().from(), receipt.messageIds(), s,
                ThreemaChannel.at(opened.callback()), List.of()));
    }

    private record Opened(ThreemaCallback callback, byte[] senderKey, ThreemaMessage message) {}

    private Opened open(byte[] body) {
        ThreemaCallback callback;
        try {
            callback = ThreemaCallback.parse(body, gatewayId);
        } catch (IllegalArgumentException e) {
            throw ThreemaChannel.badCallback(e.getMessage());
        }
        byte[] senderKey = switch (client.publicKey(callback.from())) {
            case GatewayOutcome.Done<byte[]> done -> done.value();
            case GatewayOutcome.Retry<byte[]> retry -> throw new ClientError(ClientError.Kind.BAD_GATEWAY,
                    "sender_key_unavailable", "the public key of " + callback.from() + " cannot be fetched yet: "
                    + retry.reason(), Optional.empty(), Optional.of(Duration.ofSeconds(30)));
            case GatewayOutcome.Permanent<byte[]> permanent -> throw ThreemaChannel.badCallback(
                    "from: the Gateway has no public key for " + callback.from() + " (" + permanent.reason() + ")");
        };
        byte[] plain = ThreemaCrypto.open(callback.box(), callback.nonce(), senderKey, privateKey)
                .orElseThrow(() -> ThreemaChannel.badCallback("box: does not open with the sender's public key and"
                        + " the gateway's private key"));
        try {
            return new Opened(callback, senderKey, ThreemaMessage.read(plain));
        } catch (IllegalArgumentException e) {
            throw ThreemaChannel.badCallback("box: " + e.getMessage());
        }
    }

    private Packet file(ThreemaMessage.File f) {
        return blob(f.blobId()).map(sealed -> ThreemaCrypto.secretOpen(sealed, ThreemaCrypto.FILE_NONCE.clone(),
                        f.key())
                .map(bytes -> media.store(bytes, f.mimeType(), f.name(), f.caption()))
                .orElseGet(() -> unreadable("its key does not open it", f.caption())))
                .orElseGet(() -> unreadable("Threema no longer holds it", f.caption()));
    }

    private Packet image(Opened opened, ThreemaMessage.Image i) {
        return blob(i.blobId()).map(sealed -> ThreemaCrypto.open(sealed, i.nonce(), opened.senderKey(), privateKey)
                .map(bytes -> media.store(bytes, "image/jpeg", Optional.empty(), Optional.empty()))
                .orElseGet(() -> unreadable("it does not open with the sender's key", Optional.empty())))
                .orElseGet(() -> unreadable("Threema no longer holds it", Optional.empty()));
    }

    /** The blob's bytes; empty when the Gateway has it no more; a 502 (the Gateway calls again) while it is down. */
    private Optional<byte[]> blob(String blobId) {
        return switch (client.blob(blobId)) {
            case GatewayOutcome.Done<byte[]> done -> Optional.of(done.value());
            case GatewayOutcome.Retry<byte[]> retry -> throw new ClientError(ClientError.Kind.BAD_GATEWAY,
                    "file_unavailable", "a file the contact sent cannot be fetched yet: " + retry.reason(),
                    Optional.empty(), Optional.of(Duration.ofSeconds(30)));
            case GatewayOutcome.Permanent<byte[]> permanent -> {
                log.warn("channel {}: blob {} cannot be fetched: {}", channelId, blobId, permanent.reason());
                yield Optional.empty();
            }
        };
    }

    private static Packet unreadable(String why, Optional<String> caption) {
        return ChatPacket.Message.text("(a file that could not be kept: " + why + ")" + caption.map(c -> "\n" + c)
                .orElse(""));
    }
}
