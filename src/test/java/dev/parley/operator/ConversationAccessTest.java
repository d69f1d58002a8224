package dev.parley.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.json.Json;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import dev.parley.testing.WebhookRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conversation action of the operator API, by every role, on a conversation in every state, over
 * HTTP: the table below is the one docs/console.md promises. A refused action changes nothing, and a
 * conversation an agent may not see answers 404 to every action, as to GET.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationAccessTest {
    static final Map<String, String> PASSWORDS = Map.of("ADA_PW", "ada-password", "BOB_PW", "bob-password",
            "CARL_PW", "carl-password");

    enum Role { ADMIN, AGENT }

    /** The conversation's state as seen from the acting operator. */
    enum State { BOT, INBOX, MINE, OTHERS, ENDED }

    enum Action { VIEW, TAKE, REPLY, FORWARD, END, NOTE }

    /** Expected status per action, in {@link Action} order. */
    static final Map<Role, Map<State, List<Integer>>> EXPECTED = new EnumMap<>(Map.of(
            Role.AGENT, new EnumMap<>(Map.of(
                    State.BOT, List.of(404, 404, 404, 404, 404, 404),
                    State.INBOX, List.of(200, 200, 409, 200, 200, 201),
                    State.MINE, List.of(200, 200, 201, 200, 200, 201),
                    State.OTHERS, List.of(200, 403, 409, 403, 403, 201),
                    State.ENDED, List.of(200, 409, 409, 409, 409, 201))),
            Role.ADMIN, new EnumMap<>(Map.of(
                    State.BOT, List.of(200, 200, 409, 200, 200, 201),
                    State.INBOX, List.of(200, 200, 409, 200, 200, 201),
                    State.MINE, List.of(200, 200, 201, 200, 200, 201),
                    State.OTHERS, List.of(200, 200, 409, 200, 200, 201),
                    State.ENDED, List.of(200, 409, 409, 409, 409, 201)))));

    @TempDir
    static Path temp;

    final JsonHttp http = new JsonHttp();
    final Map<StoreKind, Server> servers = new EnumMap<>(StoreKind.class);
    WebhookRecorder bot;

    /** One Parley per database, with the tokens of admin Ada, agent Bob and agent Carl (the "other" operator). */
    record Server(TestParley parley, Map<String, String> tokens) {}

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (StoreKind kind : StoreKind.values()) {
            for (Role role : Role.values()) {
                for (State state : State.values()) {
                    for (Action action : Action.values()) {
                        all.add(Arguments.of(kind, role, state, action));
                    }
                }
            }
        }
        return all.stream();
    }

    @AfterAll
    void close() {
        servers.values().forEach(s -> s.parley().close());
        if (bot != null) {
            bot.close();
        }
    }

    Server server(StoreKind kind) {
        if (bot == null) {
            bot = WebhookRecorder.start((h, body) -> WebhookRecorder.Reply.empty());
        }
        return servers.computeIfAbsent(kind, k -> {
            TestParley parley = TestParley.start(k, temp.resolve(k.name()), """
                    groups: [{ id: support, name: Support }, { id: sales, name: Sales }]
                    operators:
                      - { id: ada, name: Ada, email: ada@example.com, group: support, role: admin, password_env: ADA_PW }
                      - { id: bob, name: Bob, email: bob@example.com, group: support, password_env: BOB_PW }
                      - { id: carl, name: Carl, email: carl@example.com, group: support, password_env: CARL_PW }
                    bots:
                      - { id: triage, name: Triage, group: support, type: api, behavior: firewall, webhook_url: "%s" }
                    widgets:
                      - { id: botweb, name: Bot first, group: support }
                      - { id: web, name: Humans only, group: sales }
                    """.formatted(bot.url()), PASSWORDS);
            return new Server(parley, Map.of("ada", login(parley, "ada"), "bob", login(parley, "bob"),
                    "carl", login(parley, "carl")));
        });
    }

    String login(TestParley parley, String id) {
        HttpAnswer a = http.post(parley.baseUrl() + "/api/v1/auth/login", Map.of(), Json.write(Json.object()
                .put("email", id + "@example.com").put("password", PASSWORDS.get(id.toUpperCase() + "_PW"))));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().path("token").asText();
    }

    static Map<String, String> auth(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** A new conversation in {@code state} as seen by {@code actor}, arranged by admin Ada. */
    String conversation(Server s, State state, String actor) {
        String base = s.parley().baseUrl() + "/api/v1/conversations/";
        String ada = s.tokens().get("ada");
        String id = WebContact.open(http, s.parley().baseUrl(), state == State.BOT ? "botweb" : "web")
                .conversationId();
        HttpAnswer arranged = switch (state) {
            case BOT, INBOX -> http.get(base + id, auth(ada));
            case MINE -> http.post(base + id + "/forward", auth(ada), "{\"operator_id\": \"" + actor + "\"}");
            case OTHERS -> http.post(base + id + "/forward", auth(ada), "{\"operator_id\": \"carl\"}");
            case ENDED -> http.post(base + id + "/end", auth(ada), "");
        };
        assertThat(arranged.status()).as("%s", arranged).isEqualTo(200);
        assertThat(http.get(base + id, auth(ada)).json().path("status").asText())
                .isEqualTo(switch (state) {
                    case BOT -> "bot";
                    case INBOX -> "inbox";
                    case MINE, OTHERS -> "assigned";
                    case ENDED -> "ended";
                });
        return id;
    }

    HttpAnswer act(Server s, Action action, String id, String token) {
        String url = s.parley().baseUrl() + "/api/v1/conversations/" + id;
        return switch (action) {
            case VIEW -> http.get(url, auth(token));
            case TAKE -> http.post(url + "/take", auth(token), "");
            case REPLY -> http.post(url + "/messages", auth(token), "{\"body\": \"Hello from the console\"}");
            case FORWARD -> http.post(url + "/forward", auth(token), "{\"group_id\": \"sales\"}");
            case END -> http.post(url + "/end", auth(token), "");
            case NOTE -> http.post(url + "/notes", auth(token), "{\"body\": \"checked\"}");
        };
    }

    @ParameterizedTest(name = "{0} {1} {3} on {2}")
    @MethodSource("cases")
    void eachActionFollowsTheRuleOfItsRoleAndState(StoreKind kind, Role role, State state, Action action) {
        Server s = server(kind);
        String actor = role == Role.ADMIN ? "ada" : "bob";
        String id = conversation(s, state, actor);
        JsonNode before = http.get(s.parley().baseUrl() + "/api/v1/conversations/" + id,
                auth(s.tokens().get("ada"))).json();

        HttpAnswer answer = act(s, action, id, s.tokens().get(actor));

        int expected = EXPECTED.get(role).get(state).get(action.ordinal());
        assertThat(answer.status()).as("%s", answer).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.body()).doesNotContain("timeline");
            assertThat(answer.json().path("error").path("code").asText()).isEqualTo(switch (expected) {
                case 404 -> "not_found";
                case 403 -> "forbidden";
                default -> answer.json().path("error").path("code").asText();
            });
            JsonNode after = http.get(s.parley().baseUrl() + "/api/v1/conversations/" + id,
                    auth(s.tokens().get("ada"))).json();
            assertThat(after.path("status")).isEqualTo(before.path("status"));
            assertThat(after.path("assignee")).isEqualTo(before.path("assignee"));
            assertThat(after.path("last_seq")).as("nothing was appended").isEqualTo(before.path("last_seq"));
        }
        if (expected == 404) {
            HttpAnswer get = http.get(s.parley().baseUrl() + "/api/v1/conversations/" + id,
                    auth(s.tokens().get(actor)));
            assertThat(answer.body()).as("the same answer as GET").isEqualTo(get.body());
        }
    }
}
