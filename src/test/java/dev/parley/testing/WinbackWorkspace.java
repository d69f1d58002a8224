package dev.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.nio.file.Path;
import java.util.Map;

/**
 * A workspace where Braze reaches out: the sandbox environment with an outreach token, a flow bot running
 * {@code examples/flows/winback.yml}, widget {@code web} with signed visitor identity and {@code plain} without.
 */
public final class WinbackWorkspace {
    public static final String BRAZE_KEY = "braze-sandbox-key";
    public static final String OUTREACH_TOKEN = "outreach-secret-token";
    public static final String IDENTITY_SECRET = "5f0c8a7e2b914d6e9a3c1f7b8d2e4a6c";

    private WinbackWorkspace() {}

    public static String yaml(String brazeUrl) {
        return """
                groups: [{ id: support, name: Support }]
                environments:
                  sandbox: { braze: { url: "%s", api_key_env: BRAZE_KEY, outreach_token_env: OUTREACH_TOKEN } }
                bots:
                  - { id: winbackbot, name: Winback Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets:
                  - { id: web, name: Web, group: support, identity: { secret_env: WEB_IDENTITY } }
                  - { id: plain, name: Plain, group: support }
                """.formatted(brazeUrl, Path.of("examples/flows/winback.yml").toAbsolutePath());
    }

    public static Map<String, String> env() {
        return Map.of("BRAZE_KEY", BRAZE_KEY, "OUTREACH_TOKEN", OUTREACH_TOKEN, "WEB_IDENTITY", IDENTITY_SECRET);
    }

    /** Braze offers Ada 20% off on widget {@code web}; answers the conversation it opened. */
    public static String outreach(JsonHttp http, String baseUrl, String outreachId, String externalId) {
        ObjectNode body = Json.object().put("outreach_id", outreachId).put("widget", "web").put("flow", "winback");
        body.putObject("user").put("external_id", externalId);
        body.putObject("variables").put("first_name", "Ada").put("offer", "20% off your next order");
        HttpAnswer answer = http.post(baseUrl + "/api/integrations/braze/v1/outreach",
                Map.of("Authorization", "Bearer " + OUTREACH_TOKEN), Json.write(body));
        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        return answer.json().path("conversation_id").asText();
    }
}
