package dev.parley.flow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.app.Parley;
import dev.parley.config.ConfigLoader;
import dev.parley.config.DemoWorkspace;
import dev.parley.flow.FlowLoader;
import dev.parley.flow.FlowProblem;
import dev.parley.flow.InvalidFlowException;
import dev.parley.store.Ids;
import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestDatabase;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlowBotTest {
    static final String FLOW = """
            id: intake
            name: Intake
            start: welcome
            nodes:
              welcome:
                say: "Hi {{contact.name | default: 'there'}}! What do you need?"
                save: topic
                choices:
                  - { id: status, label: "Delivery status", next: ask_email, synonyms: [tracking] }
                  - { id: human, label: "Talk to support", next: handoff }
              ask_email:
                ask: "Your e-mail address?"
                save: email
                validate: { email: true, error: "That is not an e-mail address." }
                next: remember
              remember: { contact_update: { email: "{{email}}" }, next: mark }
              mark: { set: { checked: "yes" }, next: check }
              check:
                if:
                  - { when: "topic == 'status' and checked == 'yes'", next: note }
                else: handoff
              note: { note: "Asked for the status of {{contact.email}}", next: done }
              done:
                say: "Thanks, **{{contact.email}}**."
                text_format: markdown_v1
                end: true
              handoff:
                say: "Let me find a colleague."
                forward: { group: support, on_failure: feedback }
                on: { forward_failed: nobody }
              nobody: { say: "Nobody is free right now; please write your question.", next: ask_question }
              ask_question: { ask: "Your question?", save: question, next: bye }
              bye: { say: "Noted: {{question}}", end: true }
            """;

    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    private String workspace(Path flow) {
        return """
                groups: [{ id: support, name: Support }]
                bots:
                  - { id: intake, name: Intake Bot, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(flow.toString().replace("\\\\", "/"));
    }

    private Path flowFile(String text) throws Exception {
        Path file = temp.resolve("intake.yml");
        Files.writeString(file, text);
        return file;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aContactTalksThroughAFlowToItsEnd(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, workspace(flowFile(FLOW)), Map.of())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            JsonNode choice = contact.awaitItem("welcome", Items.fromBot("button_template"));
            assertThat(choice.path("packet").path("payload").path("body").asText()).isEqualTo("Hi there! What do you need?");
            assertThat(contact.click(choice.path("id").asText(), "status").status()).isEqualTo(202);
            contact.awaitBotMessage("Your e-mail address?");
            contact.say("not an address");
            contact.awaitBotMessage("That is not an e-mail address.");
            contact.say("ada@example.com");
            JsonNode done = contact.awaitBotMessage("Thanks, **ada@example.com**.");
            assertThat(done.path("html").asText()).contains("<strong>ada&#64;example.com</strong>");
            contact.awaitItem("ended", Items.packet("conversation_ended"));
            List<String> bot = contact.transcript().stream().filter(i -> i.path("author").path("type").asText()
                    .equals("bot")).map(Items::bodyOf).toList();
            assertThat(bot).containsExactly("Hi there! What do you need?", "Your e-mail address?",
                    "That is not an e-mail address.", "Your e-mail address?", "Thanks, **ada@example.com**.");
            String email = parley.parley().database().read(h -> h.createQuery("""
                    SELECT c.email FROM contacts c JOIN conversations v ON v.contact_id = c.id WHERE v.id = :id""")
                    .bind("id", contact.conversationId()).mapTo(String.class).one());
            assertThat(email).isEqualTo("ada@example.com");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void typedTextMatchesAChoiceDespiteCaseAccentsAndTypos(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, workspace(flowFile(FLOW)), Map.of())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            contact.awaitItem("welcome", Items.fromBot("button_template"));
            contact.say("Délivery statsu");
            contact.awaitBotMessage("Your e-mail address?");

            WebContact other = WebContact.open(http, parley.baseUrl(), "web");
            other.awaitItem("welcome", Items.fromBot("button_template"));
            other.say("TRACKING");
            other.awaitBotMessage("Your e-mail address?");

            WebContact third = WebContact.open(http, parley.baseUrl(), "web");
            third.awaitItem("welcome", Items.fromBot("button_template"));
            third.say("pizza");
            third.awaitBotMessage("Sorry, I did not get that. Please choose one of the options.");
            assertThat(third.transcript().stream().filter(Items.fromBot("button_template"))).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFailedForwardWithFeedbackContinuesTheFlow(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, workspace(flowFile(FLOW)), Map.of())) {
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            JsonNode choice = contact.awaitItem("welcome", Items.fromBot("button_template"));
            contact.click(choice.path("id").asText(), "human");
            contact.awaitBotMessage("Let me find a colleague.");
            contact.awaitBotMessage("Nobody is free right now; please write your question.");
            contact.say("Where is my parcel?");
            contact.awaitBotMessage("Noted: Where is my parcel?");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRestartMidConversationContinuesWhereTheFlowWas(StoreKind kind) throws Exception {
        String yaml = workspace(flowFile(FLOW));
        try (TestDatabase db = kind.create(temp)) {
            WebContact contact;
            try (Parley first = Parley.start(db.settings(), ConfigLoader.parse(yaml, "parley.yml", Map.of()),
                    Clock.systemUTC(), Ids.random())) {
                contact = WebContact.open(http, "http://127.0.0.1:" + first.port(), "web");
                JsonNode choice = contact.awaitItem("welcome", Items.fromBot("button_template"));
                contact.click(choice.path("id").asText(), "status");
                contact.awaitBotMessage("Your e-mail address?");
            }
            try (Parley second = Parley.start(db.settings(), ConfigLoader.parse(yaml, "parley.yml", Map.of()),
                    Clock.systemUTC(), Ids.random())) {
                WebContact again = contact.at("http://127.0.0.1:" + second.port());
                again.say("grace@example.com");
                again.awaitBotMessage("Thanks, **grace@example.com**.");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anEditedFlowIsReloadedWhileRunningSessionsKeepTheirVersion(StoreKind kind) throws Exception {
        Path file = flowFile(FLOW);
        try (TestParley parley = TestParley.start(kind, temp, workspace(file), Map.of())) {
            WebContact early = WebContact.open(http, parley.baseUrl(), "web");
            JsonNode choice = early.awaitItem("welcome", Items.fromBot("button_template"));

            Files.writeString(file, FLOW.replace("What do you need?", "How can I help?")
                    .replace("Your e-mail address?", "Which e-mail address?"));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            // each look opens a conversation: a few a second, well inside the widget's limit on opening them
            WebContact late = org.awaitility.Awaitility.await("reloaded flow").atMost(java.time.Duration.ofSeconds(20))
                    .pollInterval(java.time.Duration.ofMillis(250)).until(() -> {
                        WebContact c = WebContact.open(http, parley.baseUrl(), "web");
                        c.awaitItem("welcome", Items.fromBot("button_template"));
                        return c;
                    }, c -> c.transcript().stream().anyMatch(Items.body("Hi there! How can I help?")));
            assertThat(late).isNotNull();

            early.click(choice.path("id").asText(), "status");
            early.awaitBotMessage("Your e-mail address?");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBrokenEditKeepsTheLastGoodVersion(StoreKind kind) throws Exception {
        Path file = flowFile(FLOW);
        String admin = "operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin,"
                + " password_env: PW }]\n";
        try (TestParley parley = TestParley.start(kind, temp, workspace(file) + admin, Map.of("PW", "ada-pw"))) {
            Map<String, String> operator = Map.of("Authorization", "Bearer " + http.post(parley.baseUrl()
                    + "/api/v1/auth/login", Map.of(), "{\"email\":\"ada@example.com\",\"password\":\"ada-pw\"}")
                    .json().path("token").asText());
            Files.writeString(file, FLOW.replace("next: ask_email", "next: ask_mail"));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            // the watcher has read the broken edit once the admin API reports it invalid
            await("broken edit seen").atMost(Duration.ofSeconds(20)).until(() -> !http.get(parley.baseUrl()
                    + "/api/v1/flows", operator).json().path("flows").get(0).path("valid").asBoolean(true));
            WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
            JsonNode choice = contact.awaitItem("welcome", Items.fromBot("button_template"));
            contact.click(choice.path("id").asText(), "status");
            contact.awaitBotMessage("Your e-mail address?");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theDemoWorkspaceGreetsWithItsFlowBotAndHandsOverToTheInbox(StoreKind kind) throws Exception {
        try (TestDatabase db = kind.create(temp);
                Parley parley = Parley.start(db.settings(), DemoWorkspace.config(temp.resolve("flows")),
                        Clock.systemUTC(), Ids.random())) {
            WebContact contact = WebContact.open(http, "http://127.0.0.1:" + parley.port(), "website");
            JsonNode hello = contact.awaitItem("welcome", Items.fromBot("button_template"));
            assertThat(Items.bodyOf(hello)).contains("Parley demo bot");
            assertThat(hello.path("packet").path("payload").path("text_format").asText()).isEqualTo("markdown_v1");
            assertThat(hello.path("html").asText()).contains("<strong>Parley demo bot</strong>");
            contact.say("talk to a humam");
            contact.awaitBotMessage("Let me find a colleague for you.");
            contact.awaitBotMessage("Nobody is online right now. Your conversation waits in the inbox; we will"
                    + " answer here.");
            String status = parley.database().read(h -> h.createQuery("SELECT status FROM conversations WHERE id = :id")
                    .bind("id", contact.conversationId()).mapTo(String.class).one());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> parley.database()
                    .read(h -> h.createQuery("SELECT status FROM conversations WHERE id = :id")
                            .bind("id", contact.conversationId()).mapTo(String.class).one()).equals("inbox"));
            assertThat(status).isIn("bot", "inbox");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFlowWithErrorsIsRefusedAtStartWithFileAndLine(StoreKind kind) throws Exception {
        Path file = flowFile(FLOW.replace("next: ask_email", "next: ask_mail"));
        assertThatThrownBy(() -> TestParley.start(kind, temp, workspace(file), Map.of()))
                .isInstanceOf(InvalidFlowException.class)
                .hasMessageContaining("intake.yml:9")
                .hasMessageContaining("unknown node 'ask_mail'");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aFlowWithABadActionParameterIsRefusedAtStartWithTheMessagesOfFlowValidate(StoreKind kind) throws Exception {
        String note = "  note: { note: \"Asked for the status of {{contact.email}}\", next: done }\n";
        assertThat(FLOW).contains(note);
        Path file = flowFile(FLOW.replace(note, """
                  note:
                    action: http
                    with: { ulr: "https://orders.example.com/status", method: FETCH }
                    on: { default: done }
                """));
        List<String> validated = FlowLoader.withBuiltInActions().validate(file).errors().stream()
                .map(FlowProblem::toString).toList();
        assertThat(validated).containsExactly(
                file + ":24: nodes.note.with.ulr: action 'http' has no parameter 'ulr' (did you mean 'url'?)",
                file + ":24: nodes.note.with.method: action 'http': method must be one of GET, POST, PUT, PATCH,"
                        + " DELETE, got 'FETCH'",
                file + ":24: nodes.note.with: action 'http' needs parameter 'url'");

        assertThatThrownBy(() -> TestParley.start(kind, temp, workspace(file), Map.of()))
                .isInstanceOf(InvalidFlowException.class)
                .hasMessageContainingAll(validated.toArray(String[]::new));
    }
}
