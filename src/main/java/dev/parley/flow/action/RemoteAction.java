package dev.parley.flow.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.flow.spi.ActionNode;
import dev.parley.flow.spi.ActionParameter;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ActionResult;
import dev.parley.flow.spi.ParameterRule;
import dev.parley.json.Json;
import dev.parley.media.AddressGuard;
import dev.parley.webhook.WebhookSigner;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in {@code remote} action: an action node written in any language, as an HTTP service.
 * Parley POSTs {@code {node, params, variables, contact, conversation, env_name}} and expects
 * {@code 2xx {"outcome": "<word>", "data": {…}}}; anything else is outcome {@code error}.
 */
final class RemoteAction implements ActionNode {
    static final String NAME = "remote";
    static final String SIGNATURE_HEADER = "Parley-Signature";
    /** Parameters for Parley itself; the others go to the service in {@code params}. */
    static final ActionParameters PARAMETERS = ActionParameters.of(
            ActionParameter.required("url", HttpParams.URL_RULE),
            ActionParameter.optional("headers", HttpParams.HEADERS.rule()),
            ActionParameter.optional("signing_secret", ParameterRule.text()),
            ActionParameter.optional("timeout", HttpParams.TIMEOUT.rule()))
            .allowingOthers();
    private static final int EXCERPT = 200;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final HttpClient client;
    private final AddressGuard guard;
    private final Clock clock;

    RemoteAction(HttpClient client, AddressGuard guard, Clock clock) {
        this.client = client;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ActionParameters parameters() {
        return PARAMETERS;
    }

    @Override
    public ActionResult run(ActionRequest request) throws InterruptedException {
        Params params = new Params(request.params());
        Duration timeout = HttpCall.timeout(params.read("timeout", HttpParams.TIMEOUT), request.remaining());
        String body = Json.write(body(request));
        HttpRequest.Builder builder = HttpRequest.newBuilder(params.read("url", HttpParams.URL).orElseThrow())
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body));
        params.read("headers", HttpParams.HEADERS).orElse(Map.of()).forEach(builder::header);
        builder.setHeader("Content-Type", "application/json").setHeader("Accept", "application/json");
        params.text("signing_secret").ifPresent(secret ->
                builder.setHeader(SIGNATURE_HEADER, WebhookSigner.header(secret, body, clock.instant())));
        HttpRequest http = builder.build();
        return switch (HttpCall.send(client, guard, http, timeout)) {
            case HttpCall.Failed failed -> ActionResult.error(failed.cause());
            case HttpCall.Answered answer -> {
                request.log().info("POST " + HttpCall.display(http.uri()) + " → " + answer.status());
                yield answer(answer, HttpCall.where(http.uri()));
            }
        };
    }

    private static Map<String, Object> body(ActionRequest request) {
        Map<String, Object> params = new LinkedHashMap<>(request.params());
        PARAMETERS.parameters().forEach(parameter -> params.remove(parameter.name()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", request.node());
        body.put("params", params);
        body.put("variables", request.variables());
        body.put("contact", request.contact());
        body.put("conversation", request.conversation());
        body.put("env_name", request.envName());
        return body;
    }

    private static ActionResult answer(HttpCall.Answered answer, String where) {
        if (answer.status() / 100 != 2) {
            return ActionResult.error(where + " answered HTTP " + answer.status() + excerpt(answer.body()));
        }
        if (answer.body().isBlank()) {
            return ActionResult.error("the answer of " + where + " is empty, not JSON with outcome and data");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(answer.body());
        } catch (JsonProcessingException e) {
            return ActionResult.error("the answer of " + where + " is not JSON: " + Json.describe(e));
        }
        if (!(json instanceof ObjectNode object)) {
            return ActionResult.error("the answer of " + where + " is " + kind(json) + ", not an object with"
                    + " outcome and data");
        }
        JsonNode outcome = object.path("outcome");
        if (outcome.isMissingNode() || outcome.isNull()) {
            return ActionResult.error("the answer of " + where + " has no outcome");
        }
        if (!outcome.isTextual()) {
            return ActionResult.error("the answer of " + where + " has an outcome that is " + kind(outcome)
                    + ", not text");
        }
        if (outcome.asText().isBlank()) {
            return ActionResult.error("the answer of " + where + " has a blank outcome");
        }
        if (!StatusOutcomes.OUTCOME.matcher(outcome.asText()).matches()) {
            return ActionResult.error("the answer of " + where + " has the outcome '" + outcome.asText()
                    + "', not a word of letters, digits, '_', '.' or '-'");
        }
        JsonNode data = object.path("data");
        if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
            return ActionResult.error("the answer of " + where + " has data that is " + kind(data)
                    + ", not an object");
        }
        Map<String, Object> values = data.isObject() ? Json.MAPPER.convertValue(data, OBJECT) : Map.of();
        return new ActionResult(outcome.asText(), values);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL, MISSING -> "null";
            case OBJECT, POJO, BINARY -> "an object";
        };
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "";
        }
        return ": " + (flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "…" : flat);
    }
}
