package dev.parley.channel;

import dev.parley.channel.custom.CustomChannel;
import dev.parley.channel.messenger.MessengerChannel;
import dev.parley.channel.messenger.MessengerClient;
import dev.parley.channel.meta.HubChallenge;
import dev.parley.channel.sms.SmsChannel;
import dev.parley.channel.store.Channel;
import dev.parley.channel.store.ChannelCredentials;
import dev.parley.channel.store.ChannelStore;
import dev.parley.channel.telegram.TelegramChannel;
import dev.parley.channel.threema.ThreemaChannel;
import dev.parley.channel.whatsapp.WhatsAppChannel;
import dev.parley.channel.whatsapp.WhatsAppClient;
import dev.parley.config.ChannelConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place channels are looked up by id: the enabled channels of the {@link ChannelStore} (those of
 * {@code parley.yml} and those made in the console), each with its adapter. Every look-up reads the store, so a
 * channel added, changed or disabled — on any node — is served as it is now; adapters are rebuilt only when the
 * channel's settings or credentials changed. Credentials of channels from {@code parley.yml} are those the
 * configuration was loaded with; those of channels made in the console are read from {@code env} or their files.
 * The website widget ({@link ChannelType#WEB}) is never one of them: it is not a vendor's channel to configure, its contacts write
 * through the contact API into the same {@link dev.parley.conversation.ContactWrites} as the
 * {@link InboundPipeline}, and it shows the timeline through the live fan-out instead of a vendor send.
 */
public final class ChannelRegistry {
    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);
    /** How long one call to a vendor's API may take before it counts as a retry. */
    public static final Duration VENDOR_TIMEOUT = Duration.ofSeconds(10);

    private record Built(ChannelConfig config, ServedChannel served) {}

    private final ChannelStore store;
    private final Map<String, ChannelConfig> fromFile;
    private final Map<String, String> env;
    private final ChannelMedia media;
    private final String publicBaseUrl;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    /**
     * @param fromFile the channels of {@code parley.yml} with their credentials read at start
     * @param env      where the credentials of channels made in the console are read, such as {@link System#getenv()}
     * @param publicBaseUrl the URL under which vendors reach Parley ({@code public_base_url}), for the webhook URLs
     *                 vendors sign or are told
     */
    public ChannelRegistry(ChannelStore store, List<ChannelConfig> fromFile, Map<String, String> env,
            ChannelMedia media, String publicBaseUrl) {
        this.store = store;
        this.fromFile = fromFile.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(ChannelConfig::id,
                c -> c));
        this.env = Map.copyOf(env);
        this.media = media;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The served channel {@code id}, if there is one (enabled, of a served type, credentials readable). */
    public Optional<ServedChannel> find(String id) {
        return store.find(id).flatMap(this::served);
    }

    /** The channels served, in the store's order. */
    public List<ServedChannel> served() {
        return store.all().stream().map(this::served).flatMap(Optional::stream).toList();
    }

    private Optional<ServedChannel> served(Channel channel) {
        if (!servedType(channel.type())) {
            return Optional.empty();
        }
        ChannelConfig config;
        try {
            config = channel.source() == Channel.Source.FILE && fromFile.containsKey(channel.id())
                    ? fromFile.get(channel.id()) : channel.resolve(env);
        } catch (ChannelCredentials.Unreadable e) {
            log.warn("channel {}: not served: {}", channel.id(), e.getMessage());
            return Optional.empty();
        }
        Built now = built.compute(channel.id(), (id, before) -> before != null && before.config().equals(config)
                ? before : new Built(config, build(config)));
        return Optional.of(now.served());
    }

    private ServedChannel build(ChannelConfig c) {
        return new ServedChannel(c, adapter(c), hubHandshake(c.type()) ? Optional.of(new HubChallenge(c.secret(
                "verify_token"))) : Optional.empty());
    }

    /** Whether the channel's vendor checks the webhook with Meta's {@code hub.challenge} when it is set up. */
    private static boolean hubHandshake(ChannelType type) {
        return switch (type) {
            case WHATSAPP, MESSENGER -> true;
            case WEB, TELEGRAM, SMS, THREEMA, CUSTOM -> false;
        };
    }

    private static boolean servedType(ChannelType type) {
        return switch (type) {
            case WHATSAPP, MESSENGER, TELEGRAM, SMS, THREEMA, CUSTOM -> true;
            case WEB -> false;
        };
    }

    private ChannelAdapter adapter(ChannelConfig c) {
        return switch (c.type()) {
            case WHATSAPP -> new WhatsAppChannel(c.id(), c.secret("app_secret"),
                    new WhatsAppClient(c.apiBaseUrl(), c.setting("phone_number_id"), c.secret("access_token"),
                            VENDOR_TIMEOUT), media);
            case MESSENGER -> new MessengerChannel(c.secret("app_secret"),
                    new MessengerClient(c.apiBaseUrl(), c.secret("access_token"), VENDOR_TIMEOUT), media);
            case TELEGRAM -> TelegramChannel.of(c, media, VENDOR_TIMEOUT);
            case SMS -> SmsChannel.of(c, media, Channel.webhookUrl(publicBaseUrl, c.id()), VENDOR_TIMEOUT);
            case THREEMA -> ThreemaChannel.of(c, media, VENDOR_TIMEOUT);
            case CUSTOM -> CustomChannel.of(c, media, Clock.systemUTC());
            case WEB -> throw new IllegalArgumentException("the website widget is not a configured channel: its"
                    + " contacts write through the contact API, and it shows the timeline through the live fan-out");
        };
    }
}
