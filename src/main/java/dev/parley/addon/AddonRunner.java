package dev.parley.addon;

import dev.parley.webhook.WebhookClient;
import dev.parley.webhook.WebhookSigner;
import dev.parley.config.AddonConfig;
import dev.parley.json.Json;
import dev.parley.outbox.OutboxEntry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs {@code addon_dispatch}: calls the configured add-on with the ended conversation. */
final class AddonRunner implements DispatchRunner {
    static final String KIND = "addon";

    private final Clock clock;
    private final List<AddonConfig> addons;
    private final WebhookClient client;

    AddonRunner(Clock clock, List<AddonConfig> addons, WebhookClient client) {
        this.clock = clock;
        this.addons = List.copyOf(addons);
        this.client = client;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Attempt run(Dispatch dispatch, EndedConversation conversation, OutboxEntry entry) {
        String name = dispatch.request() instanceof DispatchRequest.Addon a ? a.name() : "";
        Optional<AddonConfig> addon = addons.stream().filter(c -> c.name().equals(name)).findFirst();
        if (addon.isEmpty()) {
            return new Attempt.Rejected("add-on '" + name + "' is no longer configured");
        }
        return switch (addon.get()) {
            case AddonConfig.Webhook webhook -> post(webhook, conversation, entry);
            case AddonConfig.Braze braze -> new Attempt.Rejected("add-on '" + name + "' is of type braze now;"
                    + " such add-ons run when the conversation ends, and this one was queued as a webhook before");
        };
    }

    private Attempt post(AddonConfig.Webhook webhook, EndedConversation conversation, OutboxEntry entry) {
        String body = Json.write(conversation.toJson());
        Map<String, String> headers = new LinkedHashMap<>(webhook.headers());
        headers.put("Parley-Event-Id", entry.eventId());
        headers.put("Parley-Delivery-Attempt", Integer.toString(entry.attempt()));
        webhook.signingSecret().ifPresent(secret ->
                headers.put("Parley-Signature", WebhookSigner.header(secret, body, clock.instant())));
        return switch (client.post(webhook.url(), headers, body, webhook.requestTimeout())) {
            case WebhookClient.Outcome.Failed f -> new Attempt.Failed(f.error());
            case WebhookClient.Outcome.Answered a when a.status() >= 200 && a.status() < 300 -> new Attempt.Delivered();
            case WebhookClient.Outcome.Answered a when a.status() == 429 || a.status() >= 500 ->
                    new Attempt.Failed("add-on '" + webhook.name() + "' answered HTTP " + a.status());
            case WebhookClient.Outcome.Answered a -> new Attempt.Rejected("add-on '" + webhook.name()
                    + "' answered HTTP " + a.status());
        };
    }
}
