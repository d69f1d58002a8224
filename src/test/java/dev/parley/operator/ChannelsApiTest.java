package dev.parley.operator;

import static dev.parley.operator.AdminBotsApiTest.assertInvalid;
import static dev.parley.operator.AdminBotsApiTest.auth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.standin.MetaWebhooks;
import dev.parley.channel.store.ChannelActivity;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The channels of the admin API: admins only, the rules of channels.md §0 with the field named, credentials as
 * references that must be readable, the webhook URL and Meta's verify token to copy, activity, disabling; and the
 * per-channel preview of a choice, for every operator.
 */
class ChannelsApiTest {
    /** An environment variable every test process has, standing for a token; its value must never be answered. */
    private static final String SET_VARIABLE = "PATH";

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    String token(TestParley parley, String email, String password) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(),
                Json.write(Json.object().put("email", email).put("password", password)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    ObjectNode whatsapp() throws Exception {
        Path verify = Files.writeString(temp.resolve("wa-verify"), "verify-me-123\n");
        Path secret = Files.writeString(temp.resolve("wa-app-secret"), "app-secret-456");
        return Json.object().put("id", "wa-main").put("type", "whatsapp").put("widget", "web")
                .put("api_base_url", "http://127.0.0.1:9/v21.0").put("phone_number_id", "106540352242922")
                .put("access_token_env", SET_VARIABLE).put("app_secret_file", secret.toString())
                .put("verify_token_file", verify.toString());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void adminsAddChangeAndDisableChannelsWithTheirWebhookUrlAndVerifyToken(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, AdminBotsApiTest.WORKSPACE, AdminBotsApiTest.ENV)) {
            String ada = token(parley, "ada@example.com", "ada-password");
            String bob = token(parley, "bob@example.com", "bob-password");
            String api = parley.baseUrl() + "/api/v1/channels";
            ObjectNode wa = whatsapp();
            assertThat(http.get(api, auth(bob)).status()).isEqualTo(403);
            assertThat(http.post(api, auth(bob), Json.write(wa)).json().path("error").path("code").asText())
                    .isEqualTo("forbidden");
            assertThat(http.get(api, auth(ada)).json().path("items")).isEmpty();

            HttpAnswer created = http.post(api, auth(ada), Json.write(wa));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            JsonNode channel = created.json();
            assertThat(channel.path("webhook_url").asText())
                    .isEqualTo("https://chat.example.com/channels/wa-main/webhook");
            assertThat(channel.path("verify_token").asText()).isEqualTo("verify-me-123");
            assertThat(channel.path("access_token_env").asText()).isEqualTo(SET_VARIABLE);
            assertThat(channel.path("phone_number_id").asText()).isEqualTo("106540352242922");
            assertThat(channel.path("source").asText()).isEqualTo("console");
            assertThat(channel.path("disabled").asBoolean()).isFalse();
            assertThat(channel.path("credential_problems")).isEmpty();
            assertThat(channel.path("last_inbound_at").isNull()).isTrue();
            assertThat(created.body()).doesNotContain("app-secret-456", System.getenv(SET_VARIABLE));
            assertThat(http.post(api, auth(ada), Json.write(wa)).status()).isEqualTo(409);
            assertThat(http.get(api + "/wa-main", auth(bob)).status()).isEqualTo(403);
            assertThat(http.get(api + "/nope", auth(ada)).status()).isEqualTo(404);

            ObjectNode bad = wa.deepCopy().put("id", "wa-2");
            assertInvalid(http.post(api, auth(ada), Json.write(bad.deepCopy().without("phone_number_id"))),
                    "phone_number_id", "a whatsapp channel needs phone_number_id");
            assertInvalid(http.post(api, auth(ada), Json.write(bad.deepCopy()
                    .put("access_token_env", "PARLEY_UNSET_VARIABLE_FOR_TESTS"))), "access_token_env",
                    "environment variable PARLEY_UNSET_VARIABLE_FOR_TESTS is not set");
            assertInvalid(http.post(api, auth(ada), Json.write(bad.deepCopy()
                    .put("verify_token_file", temp.resolve("missing").toString()))), "verify_token_file",
                    "cannot read secret file");
            assertInvalid(http.post(api, auth(ada), Json.write(bad.deepCopy().without("verify_token_file"))),
                    "verify_token_env", "needs verify_token_env or verify_token_file");
            assertInvalid(http.post(api, auth(ada), Json.write(((ObjectNode) bad.deepCopy().without("access_token_env"))
                    .put("access_token", "EAAG"))), "access_token", "secrets may not be written");
            assertInvalid(http.post(api, auth(ada), Json.write(bad.deepCopy().put("widget", "webb"))), "widget",
                    "did you mean 'web'");
            assertInvalid(http.post(api, auth(ada), Json.write(bad.deepCopy().put("type", "fax"))), "type",
                    "is not one of whatsapp, messenger");
            ObjectNode sms = Json.object().put("id", "sms-1").put("type", "sms").put("widget", "web")
                    .put("account_sid", "AC123").put("auth_token_env", SET_VARIABLE);
            assertInvalid(http.post(api, auth(ada), Json.write(sms)), "from", "sms channel needs from");

            HttpAnswer changed = http.put(api + "/wa-main", auth(ada), "{\"unsubscribe_keyword\": \"STOPP\"}");
            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            assertThat(changed.json().path("unsubscribe_keyword").asText()).isEqualTo("STOPP");
            assertThat(changed.json().path("phone_number_id").asText()).as("keys left out keep their values")
                    .isEqualTo("106540352242922");
            assertInvalid(http.put(api + "/wa-main", auth(ada), "{\"phone_number_id\": \"\"}"), "phone_number_id",
                    "");
            HttpAnswer retyped = http.put(api + "/wa-main", auth(ada), Json.write(Json.object()
                    .put("type", "sms").put("account_sid", "AC123").put("from", "+4915112345678")
                    .put("auth_token_env", SET_VARIABLE)));
            assertThat(retyped.status()).as("%s", retyped).isEqualTo(200);
            assertThat(retyped.json().has("verify_token")).isFalse();
            assertThat(retyped.json().has("phone_number_id")).isFalse();
            assertThat(retyped.json().path("api_base_url").asText()).isEqualTo("https://api.twilio.com");

            ChannelActivity activity = new ChannelActivity(parley.parley().database(), Clock.systemUTC());
            activity.recordInbound("wa-main");
            activity.recordError("wa-main", "131026: message undeliverable");
            JsonNode read = http.get(api + "/wa-main", auth(ada)).json();
            assertThat(read.path("last_inbound_at").asText()).isNotEmpty();
            assertThat(read.path("last_error").asText()).isEqualTo("131026: message undeliverable");

            HttpAnswer disabled = http.delete(api + "/wa-main", auth(ada));
            assertThat(disabled.status()).isEqualTo(200);
            assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
            assertThat(http.put(api + "/wa-main", auth(ada), "{\"from\": \"+4915112345679\"}").json()
                    .path("disabled").asBoolean()).as("a change leaves it disabled").isTrue();
            assertInvalid(http.put(api + "/wa-main", auth(ada), "{\"disabled\": \"no\"}"), "disabled",
                    "true or false");
            assertThat(http.put(api + "/wa-main", auth(ada), "{\"disabled\": false}").json().path("disabled")
                    .asBoolean()).isFalse();
            assertThat(http.get(api, auth(ada)).json().path("items").findValuesAsText("id")).containsExactly("wa-main");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aChannelAddedInTheConsoleTakesWebhooksAtOnceAndADisabledOneNoLonger(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, AdminBotsApiTest.WORKSPACE, AdminBotsApiTest.ENV)) {
            String ada = token(parley, "ada@example.com", "ada-password");
            String api = parley.baseUrl() + "/api/v1/channels";
            String webhook = parley.baseUrl() + "/channels/wa-main/webhook";
            String handshake = webhook + "?hub.mode=subscribe&hub.challenge=77&hub.verify_token=verify-me-123";
            assertThat(http.get(handshake, Map.of()).status()).as("not made yet").isEqualTo(404);
            assertThat(http.post(api, auth(ada), Json.write(whatsapp())).status()).isEqualTo(201);

            HttpAnswer challenge = http.get(handshake, Map.of());
            assertThat(challenge.status()).as("%s", challenge).isEqualTo(200);
            assertThat(challenge.body()).isEqualTo("77");
            MetaWebhooks.Signed hello = MetaWebhooks.sign("app-secret-456", MetaWebhooks.whatsAppMessage("4915112345678",
                    "Zoe", MetaWebhooks.whatsAppMessageOf("wamid.c1", "text", Json.object().put("body", "hello"))));
            HttpAnswer stored = http.post(webhook, Map.of("X-Hub-Signature-256", hello.signature()),
                    new String(hello.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(stored.status()).as("%s", stored).isEqualTo(200);
            assertThat(stored.json().path("stored").asInt()).isEqualTo(1);
            assertThat(http.get(api + "/wa-main", auth(ada)).json().path("last_inbound_at").asText()).isNotEmpty();

            assertThat(http.delete(api + "/wa-main", auth(ada)).status()).isEqualTo(200);
            assertThat(http.get(handshake, Map.of()).status()).as("disabled").isEqualTo(404);
            assertThat(http.post(webhook, Map.of("X-Hub-Signature-256", hello.signature()),
                    new String(hello.body(), java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyOperatorPreviewsAChoiceOnEachChannelWithTheChannelsOwnForms(StoreKind kind) {
        try (TestParley parley = TestParley.start(kind, temp, AdminBotsApiTest.WORKSPACE, AdminBotsApiTest.ENV)) {
            String bob = token(parley, "bob@example.com", "bob-password");
            String api = parley.baseUrl() + "/api/v1/channels/preview";
            assertThat(forms(http.post(api, auth(bob), bubbles(3)).json()))
                    .containsExactly("web=buttons", "whatsapp_business=reply_buttons", "facebook=button_template",
                            "telegram=inline_keyboard", "sms=numbered_text", "threema=numbered_text",
                            "custom=numbered_text");
            JsonNode seven = http.post(api, auth(bob), bubbles(7)).json();
            assertThat(forms(seven)).contains("whatsapp_business=list", "facebook=quick_replies");
            assertThat(entry(seven, "whatsapp_business").path("button").asText()).isEqualTo("Options");
            assertThat(entry(seven, "whatsapp_business").path("options").findValuesAsText("label"))
                    .hasSize(7).startsWith("Option 1");
            JsonNode fourteen = http.post(api, auth(bob), bubbles(14)).json();
            assertThat(forms(fourteen)).contains("whatsapp_business=numbered_text", "facebook=numbered_text");
            assertThat(entry(fourteen, "sms").path("text").asText())
                    .startsWith("Pick one:\n1. Option 1\n2. Option 2").endsWith("14. Option 14");

            assertInvalid(http.post(api, auth(bob), "{\"payload\": {}}"), "name", "is required");
            assertInvalid(http.post(api, auth(bob), "{\"name\": \"message\", \"payload\": {\"body\": \"hi\"}}"),
                    "payload", "not a message payload with options");
            assertInvalid(http.post(api, auth(bob), "{\"name\": \"bubbles\", \"payload\": {\"options\": [],"
                    + " \"fallback\": \"x\"}}"), "payload.options", "at least one option");
            assertThat(http.post(api, Map.of(), bubbles(3)).status()).isEqualTo(401);
        }
    }

    private static String bubbles(int count) {
        ObjectNode payload = Json.object().put("body", "Which one?").put("fallback", "Pick one:");
        ArrayNode options = payload.putArray("options");
        for (int i = 1; i <= count; i++) {
            options.addObject().put("id", "o" + i).put("label", "Option " + i);
        }
        return Json.write(Json.object().put("name", "bubbles").set("payload", payload));
    }

    private static java.util.List<String> forms(JsonNode answer) {
        java.util.List<String> out = new java.util.ArrayList<>();
        answer.path("items").forEach(i -> out.add(i.path("channel").asText() + "=" + i.path("form").asText()));
        return out;
    }

    private static JsonNode entry(JsonNode answer, String channel) {
        for (JsonNode i : answer.path("items")) {
            if (i.path("channel").asText().equals(channel)) {
                return i;
            }
        }
        throw new AssertionError("no preview for " + channel + " in " + answer);
    }
}
