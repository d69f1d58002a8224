package dev.parley.conversation;

import dev.parley.auth.Secrets;
import dev.parley.config.WidgetConfig;
import dev.parley.config.WidgetIdentity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The keys of signed visitor identity, by widget: set in {@code parley.yml} only, kept in memory, never stored,
 * logged or shown.
 */
public final class IdentitySecrets {
    private final Map<String, String> byWidget;

    private IdentitySecrets(Map<String, String> byWidget) {
        this.byWidget = Map.copyOf(byWidget);
    }

    /** The keys of the widgets that have {@code identity}. */
    public static IdentitySecrets of(List<WidgetConfig> widgets) {
        return new IdentitySecrets(widgets.stream().filter(w -> w.identity().isPresent())
                .collect(Collectors.toMap(WidgetConfig::id, w -> w.identity().map(WidgetIdentity::secret)
                        .orElseThrow())));
    }

    public boolean isSetUp(String widgetId) {
        return byWidget.containsKey(widgetId);
    }

    /** Whether {@code signature} is the hex HMAC-SHA256 of {@code externalId} under the widget's key (constant time). */
    boolean signed(String widgetId, String externalId, String signature) {
        String key = byWidget.get(widgetId);
        return key != null && Secrets.hmacMatches(key, externalId, signature);
    }

    @Override
    public String toString() {
        return "IdentitySecrets[widgets=" + byWidget.keySet() + "]";
    }
}
