package dev.parley.flow.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.flow.spi.ActionNode;
import dev.parley.flow.spi.ActionParameter;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ActionRequest;
import dev.parley.flow.spi.ActionResult;
import dev.parley.flow.spi.ParameterRule;
import dev.parley.json.Json;
import dev.parley.media.AddressGuard;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The built-in {@code http} action: one REST call, its status mapped to an outcome, its JSON to data. */
final class HttpAction implements ActionNode {
    static final String NAME = "http";
    static final ActionParameters PARAMETERS = ActionParameters.of(
            ActionParameter.optional("method", ParameterRule.oneOf("GET", "POST", "PUT", "PATCH", "DELETE")),
            ActionParameter.required("url", HttpParams.URL_RULE),
            ActionParameter.optional("headers", HttpParams.HEADERS.rule()),
            ActionParameter.optional("query", Params.TEXT_MAP.rule()),
            ActionParameter.optional("body", ParameterRule.any()),
            ActionParameter.optional("timeout", HttpParams.TIMEOUT.rule()),
            ActionParameter.optional("outcomes", StatusOutcomes.READING.rule()),
            ActionParameter.optional("response", ResponseMapping.READING.rule()));

    private final HttpClient client;
    private final AddressGuard guard;

    HttpAction(HttpClient client, AddressGuard guard) {
        this.client = client;
        this.guard = guard;
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
        String method = params.text("method").orElse("GET").strip().toUpperCase(Locale.ROOT);
        URI url = withQuery(params.read("url", HttpParams.URL).orElseThrow(),
                params.read("query", Params.TEXT_MAP).orElse(Map.of()));
        Duration timeout = HttpCall.timeout(params.read("timeout", HttpParams.TIMEOUT), request.remaining());
        StatusOutcomes outcomes = params.read("outcomes", StatusOutcomes.READING).orElse(StatusOutcomes.NONE);
        Optional<ResponseMapping> mapping = params.read("response", ResponseMapping.READING);
        HttpRequest http = build(method, url, params, timeout);
        return switch (HttpCall.send(client, guard, http, timeout)) {
            case HttpCall.Failed failed -> {
                request.log().warn(method + " " + HttpCall.display(http.uri()) + ": " + failed.cause());
                yield ActionResult.error(failed.cause());
            }
            case HttpCall.Answered answer -> {
                String outcome = outcomes.outcomeFor(answer.status());
                request.log().info(method + " " + HttpCall.display(http.uri()) + " → " + answer.status() + " ("
                        + outcome + ")");
                yield result(outcome, answer, mapping, http.uri());
            }
        };
    }

    private static URI withQuery(URI url, Map<String, String> query) {
        if (query.isEmpty()) {
            return url;
        }
        String added = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String existing = url.getRawQuery() == null || url.getRawQuery().isEmpty() ? "" : url.getRawQuery() + "&";
        return URI.create(url.getScheme() + "://" + url.getRawAuthority()
                + (url.getRawPath() == null ? "" : url.getRawPath()) + "?" + existing + added);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest build(String method, URI url, Params params, Duration timeout) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(params.read("headers", HttpParams.HEADERS).orElse(Map.of()));
        Optional<Object> body = params.raw("body");
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body.isPresent()) {
            String type = headers.computeIfAbsent("Content-Type", name -> "application/json");
            boolean raw = body.get() instanceof String && !type.toLowerCase(Locale.ROOT).contains("json");
            publisher = HttpRequest.BodyPublishers.ofString(raw ? (String) body.get() : Json.write(body.get()));
        }
        headers.putIfAbsent("Accept", "application/json");
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout).method(method, publisher);
        headers.forEach(builder::header);
        return builder.build();
    }

    private static ActionResult result(String outcome, HttpCall.Answered answer, Optional<ResponseMapping> mapping,
            URI uri) {
        if (outcome.equals(ActionResult.SUCCESS) && mapping.isPresent()) {
            Object json;
            try {
                json = answer.body().isBlank() ? null : Json.MAPPER.readValue(answer.body(), Object.class);
            } catch (JsonProcessingException e) {
                return ActionResult.error("the answer of " + HttpCall.where(uri) + " is not JSON ("
                        + answer.contentType().map(type -> "Content-Type " + type).orElse("no Content-Type")
                        + "), so with.response cannot pick fields from it: " + Json.describe(e));
            }
            return switch (mapping.get().pick(json)) {
                case ResponseMapping.Picked.Data picked -> new ActionResult(outcome, picked.data());
                case ResponseMapping.Picked.Missing missing -> ActionResult.error(missing.cause());
            };
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", answer.status());
        data.put("body", body(answer));
        data.put("headers", answer.headers());
        if (outcome.equals(ActionResult.ERROR)) {
            data.put("error", HttpCall.where(uri) + " answered HTTP " + answer.status());
        }
        return new ActionResult(outcome, data);
    }

    /** The body as JSON when it is JSON (or has no Content-Type and parses), else as text; null when empty. */
    private static Object body(HttpCall.Answered answer) {
        if (answer.body().isBlank()) {
            return null;
        }
        boolean jsonish = answer.contentType().map(type -> type.toLowerCase(Locale.ROOT).contains("json"))
                .orElse(true);
        if (jsonish) {
            try {
                return Json.MAPPER.readValue(answer.body(), Object.class);
            } catch (JsonProcessingException e) {
                return answer.body();
            }
        }
        return answer.body();
    }
}
