package dev.parley.channel.threema;

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
import dev.parley.error.ClientError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Threema Gateway ID as a channel. In end-to-end mode Parley holds the gateway's private key: the Gateway's
 * callbacks (MAC checked first) are opened with it and the sender's public key, and everything sent is boxed for
 * the recipient's public key ({@code send_e2e}, files as uploaded blobs named by a file message). In basic mode
 * the Gateway encrypts ({@code send_simple}, texts only) and no messages come in.
 */
public final class ThreemaChannel implements ChannelAdapter {
    private static final Logger log = LoggerFactory.getLogger(ThreemaChannel.class);

    /** Who encrypts: Parley ({@code e2e}) or the Gateway ({@code basic}). */
    enum Mode { E2E, BASIC }

    private final String channelId;
    private final Mode mode;
    private final byte[] apiSecret;
    private final Optional<byte[]> privateKey;
    private final ThreemaClient client;
    private final ChannelMedia media;
    private final Optional<ThreemaInbound> inbound;

    private ThreemaChannel(String channelId, Mode mode, String apiSecret, Optional<byte[]> privateKey,
            ThreemaClient client, ChannelMedia media, Optional<ThreemaInbound> inbound) {
        this.channelId = channelId;
        this.mode = mode;
        this.apiSecret = apiSecret.getBytes(StandardCharsets.UTF_8);
        this.privateKey = privateKey;
        this.client = client;
        this.media = media;
        this.inbound = inbound;
    }

    /**
     * The channel of {@code c}: settings {@code gateway_id} and {@code mode}, secrets {@code api_secret} and
     * {@code private_key} (read in end-to-end mode only).
     */
    public static ThreemaChannel of(ChannelConfig c, ChannelMedia media, Duration timeout) {
        Mode mode = c.setting("mode").equals("basic") ? Mode.BASIC : Mode.E2E;
        String gatewayId = c.setting("gateway_id");
        ThreemaClient client = new ThreemaClient(c.apiBaseUrl(), gatewayId, c.secret("api_secret"), timeout);
        Optional<byte[]> key = mode == Mode.E2E ? Optional.of(ThreemaCrypto.privateKey(c.secret("private_key")))
                : Optional.empty();
        return new ThreemaChannel(c.id(), mode, c.secret("api_secret"), key, client, media,
                key.map(k -> new ThreemaInbound(c.id(), gatewayId, k, client, media)));
    }

    @Override
    public ChannelType type() {
        return ChannelType.THREEMA;
    }

    @Override
    public Verification verify(InboundRequest request) {
        return switch (mode) {
            case E2E -> ThreemaCallback.verify(request.body(), apiSecret);
            case BASIC -> new Verification.Refused("a gateway ID in basic mode receives no messages");
        };
    }

    @Override
    public List<InboundMessage> parse(InboundRequest request) {
        return inbound.flatMap(in -> in.message(request.body())).stream().toList();
    }

    @Override
    public List<DeliveryReport> reports(InboundRequest request) {
        return inbound.flatMap(in -> in.report(request.body())).stream().toList();
    }

    @Override
    public boolean numbered(ChoicePacket choice) {
        return ThreemaPart.numbered(choice);
    }

    @Override
    public SendResult send(String recipient, Packet packet, SentParts sent, String deliveryKey) {
        List<ThreemaPart> parts = ThreemaPart.of(packet, mode == Mode.E2E);
        SentParts taken = sent;
        for (ThreemaPart part : parts.subList(Math.min(sent.count(), parts.size()), parts.size())) {
            switch (deliver(recipient, part)) {
                case GatewayOutcome.Done<String> done -> taken = taken.plus(done.value());
                case GatewayOutcome.Retry<String> retry -> {
                    return new SendResult.Retry(retry.reason(), retry.retryAfter(), taken);
                }
                case GatewayOutcome.Permanent<String> permanent -> {
                    return new SendResult.Permanent(String.valueOf(permanent.status()), permanent.reason());
                }
            }
        }
        return new SendResult.Sent(taken.firstVendorMessageId()
                .orElseThrow(() -> new IllegalArgumentException("nothing to send")));
    }

    private GatewayOutcome<String> deliver(String recipient, ThreemaPart part) {
        return switch (part) {
            case ThreemaPart.Text t -> switch (mode) {
                case E2E -> boxed(recipient, new ThreemaMessage.Text(t.text()));
                case BASIC -> client.sendSimple(recipient, t.text());
            };
            case ThreemaPart.File f -> file(recipient, f);
        };
    }

    /** A file as a file message: sealed with a fresh key, uploaded, named with its key in the message. */
    private GatewayOutcome<String> file(String recipient, ThreemaPart.File f) {
        Optional<ChannelMedia.File> file = media.read(f.url());
        if (file.isEmpty()) {
            log.warn("channel {}: the file {} cannot be read, so its link is sent", channelId, f.url());
            return boxed(recipient, new ThreemaMessage.Text(f.caption().map(c -> c + "\n").orElse("") + f.url()));
        }
        byte[] key = ThreemaCrypto.random(ThreemaCrypto.KEY_BYTES);
        byte[] bytes = file.get().bytes();
        return client.upload(ThreemaCrypto.secretBox(bytes, ThreemaCrypto.FILE_NONCE.clone(), key))
                .then(blobId -> boxed(recipient, new ThreemaMessage.File(blobId, key, f.mimeType(),
                        Optional.of(f.filename()), bytes.length, f.caption())));
    }

    private GatewayOutcome<String> boxed(String recipient, ThreemaMessage message) {
        return client.publicKey(recipient).then(publicKey -> {
            byte[] nonce = ThreemaCrypto.random(ThreemaCrypto.NONCE_BYTES);
            byte[] box = ThreemaCrypto.box(ThreemaMessage.write(message), nonce, publicKey, privateKey.orElseThrow());
            return client.sendE2e(recipient, nonce, box);
        });
    }

    static ClientError badCallback(String problem) {
        int colon = problem.indexOf(':');
        return colon > 0 && problem.substring(0, colon).matches("[A-Za-z ]+")
                ? ClientError.badRequest("invalid_callback", problem, problem.substring(0, colon))
                : ClientError.badRequest("invalid_callback", problem);
    }

    static Instant at(ThreemaCallback callback) {
        return Instant.ofEpochSecond(callback.date());
    }
}
