package dev.parley.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.ChannelAdapter;
import dev.parley.channel.ChannelMedia;
import dev.parley.channel.ChannelType;
import dev.parley.channel.DeliveryReport;
import dev.parley.channel.InboundMessage;
import dev.parley.channel.InboundRequest;
import dev.parley.channel.Registration;
import dev.parley.channel.SendResult;
import dev.parley.channel.SentParts;
import dev.parley.channel.Verification;
import dev.parley.channel.meta.Prompts;
import dev.parley.config.ChannelConfig;
import dev.parley.conversation.ChoicePacket;
import dev.parley.conversation.Packet;
import dev.parley.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Telegram bot as a channel: updates come to its webhook with the secret token in {@code
 * X-Telegram-Bot-Api-Secret-Token}, messages leave through the Bot API. The contact is the chat ({@code chat.id}).
 */
public final class TelegramChannel implements ChannelAdapter {
    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);
    /** The header Telegram sends the {@code secret_token} given to {@code setWebhook} in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** The settings key that asks Parley to call {@code setWebhook} at start. */
    public static final String REGISTER_WEBHOOK = "register_webhook";

    private final String channelId;
    private final byte[] secretToken;
    private final String secret;
    private final boolean registerWebhook;
    private final TelegramClient client;
    private final TelegramUpdates updates;

    TelegramChannel(String channelId, String secretToken, boolean registerWebhook, TelegramClient client,
            ChannelMedia media, Clock clock) {
        if (secretToken.isEmpty()) {
            throw new IllegalArgumentException("the secret token is empty");
        }
        this.channelId = channelId;
        this.secret = secretToken;
        this.secretToken = secretToken.getBytes(StandardCharsets.UTF_8);
        this.registerWebhook = registerWebhook;
        this.client = client;
        this.updates = new TelegramUpdates(client, media, clock);
    }

    /** The adapter of a {@code telegram} channel: {@code bot_token}, {@code secret_token}, {@code register_webhook}. */
    public static TelegramChannel of(ChannelConfig config, ChannelMedia media, Duration timeout) {
        return new TelegramChannel(config.id(), config.secret("secret_token"),
                Boolean.parseBoolean(config.settings().getOrDefault(REGISTER_WEBHOOK, "false")),
                new TelegramClient(config.apiBaseUrl(), config.secret("bot_token"), timeout), media,
                Clock.systemUTC());
    }

    @Override
    public ChannelType type() {
        return ChannelType.TELEGRAM;
    }

    @Override
    public Verification verify(InboundRequest request) {
        Optional<String> token = request.header(SECRET_HEADER);
        if (token.isEmpty()) {
            return new Verification.Refused("no " + SECRET_HEADER + " header");
        }
        return MessageDigest.isEqual(secretToken, token.get().getBytes(StandardCharsets.UTF_8))
                ? new Verification.Verified()
                : new Verification.Refused(SECRET_HEADER + " is not the channel's secret token");
    }

    @Override
    public List<InboundMessage> parse(InboundRequest request) {
        return updates.messages(request.body());
    }

    @Override
    public List<DeliveryReport> reports(InboundRequest request) {
        return List.of();
    }

    @Override
    public boolean numbered(ChoicePacket choice) {
        return Prompts.of(choice).map(p -> TelegramChoices.keyboard(p).isEmpty())
                .orElse(choice instanceof ChoicePacket.Carousel);
    }

    @Override
    public SendResult send(String recipient, Packet packet, SentParts already, String deliveryKey) {
        List<TelegramRequest> requests = TelegramRequests.of(recipient, packet);
        if (requests.isEmpty()) {
            return new SendResult.Permanent("unsupported", packet.event() + " cannot be sent on Telegram");
        }
        SentParts sent = already;
        for (TelegramRequest request : requests.subList(Math.min(already.count(), requests.size()), requests.size())) {
            switch (client.call(request.method(), request.body())) {
                case TelegramOutcome.Done<JsonNode> done -> {
                    JsonNode id = done.value().path("message_id");
                    if (!id.canConvertToLong()) {
                        return new SendResult.Retry("unexpected answer: no result.message_id", Optional.empty(), sent);
                    }
                    sent = sent.plus(recipient + ":" + id.asLong());
                }
                case TelegramOutcome.Retry<JsonNode> retry -> {
                    return new SendResult.Retry(retry.error().describe(), retry.error().retryAfter(), sent);
                }
                case TelegramOutcome.Permanent<JsonNode> no -> {
                    return new SendResult.Permanent(String.valueOf(no.error().code()), no.error().describe());
                }
            }
        }
        return new SendResult.Sent(sent.firstVendorMessageId().orElseThrow());
    }

    /** A tapped button is answered with {@code answerCallbackQuery}, always, so the app stops its spinner. */
    @Override
    public void afterStored(InboundRequest request) {
        TelegramUpdates.callbackQueryId(request.body()).ifPresent(id -> {
            switch (client.call("answerCallbackQuery", Json.object().put("callback_query_id", id))) {
                case TelegramOutcome.Done<JsonNode> done -> { }
                case TelegramOutcome.Retry<JsonNode> retry -> log.warn("channel {}: callback query not answered: {}",
                        channelId, retry.error().describe());
                case TelegramOutcome.Permanent<JsonNode> no -> log.warn("channel {}: callback query not answered: {}",
                        channelId, no.error().describe());
            }
        });
    }

    /** {@code setWebhook} with the URL and the secret token, when the channel has {@code register_webhook: true}. */
    @Override
    public Registration register(String webhookUrl) {
        if (!registerWebhook) {
            return new Registration.NotAsked();
        }
        ObjectNode body = Json.object().put("url", webhookUrl).put("secret_token", secret);
        body.putArray("allowed_updates").add("message").add("callback_query");
        return switch (client.call("setWebhook", body)) {
            case TelegramOutcome.Done<JsonNode> done -> new Registration.Registered(webhookUrl);
            case TelegramOutcome.Retry<JsonNode> retry -> new Registration.Failed(retry.error().describe());
            case TelegramOutcome.Permanent<JsonNode> no -> new Registration.Failed(no.error().describe());
        };
    }

    /** {@code sendChatAction} {@code typing}, which Telegram shows for 5 s or until the next message. */
    @Override
    public void typing(String recipient) {
        client.call("sendChatAction", Json.object().put("chat_id", recipient).put("action", "typing"));
    }
}
