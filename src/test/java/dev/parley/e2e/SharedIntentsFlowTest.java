package dev.parley.e2e;

import static org.awaitility.Awaitility.await;

import dev.parley.testing.Items;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A flow bot whose intents come partly from a shared file, reloaded when that file is edited. */
class SharedIntentsFlowTest {
    private static final String FLOW = """
            id: desk
            start: welcome
            nlu:
              include: shared/intents.yml
              threshold: 0.5
              intents:
                order_status: ["Where is my order?", "Track my package", "My parcel has not arrived yet",
                               "When will my order arrive?", "What is the status of my delivery?"]
            nodes:
              welcome:
                ask: "How can I help?"
                save: request
                on: { intent: { order_status: status, human: human, stop: bye }, no_match: sorry }
              status: { say: "Your order is on its way.", end: true }
              human: { say: "A colleague will write to you.", end: true }
              bye: { say: "Goodbye!", end: true }
              sorry: { say: "Sorry, I did not understand that.", end: true }
            """;
    private static final String SHARED = """
            intents:
              human: ["Talk to a human", "I want to speak to a person", "Agent please",
                      "Connect me with someone from support", "Can I talk to a real person?"]
              stop: ["Stop", "Goodbye", "That's all, thanks", "Bye", "End the chat"]
            """;

    @TempDir
    Path temp;
    final JsonHttp http = new JsonHttp();

    private String workspace(Path flow) {
        return """
                groups: [{ id: support, name: Support }]
                bots:
                  - { id: desk, name: Desk, group: support, type: flow, behavior: firewall, flow: "%s" }
                widgets: [{ id: web, name: Web, group: support }]
                """.formatted(flow.toString().replace("\\", "/"));
    }

    private WebContact ask(TestParley parley, String text) {
        WebContact contact = WebContact.open(http, parley.baseUrl(), "web");
        contact.awaitBotMessage("How can I help?");
        contact.say(text);
        return contact;
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void sharedIntentsRouteBesideTheFlowsOwnAndAnEditOfTheSharedFileIsTakenOn(StoreKind kind) throws Exception {
        Path shared = temp.resolve("flows/shared/intents.yml");
        Files.createDirectories(shared.getParent());
        Files.writeString(shared, SHARED);
        Path flow = temp.resolve("flows/desk.yml");
        Files.writeString(flow, FLOW);
        try (TestParley parley = TestParley.start(kind, temp, workspace(flow), Map.of())) {
            ask(parley, "I'd rather speak to a real person").awaitBotMessage("A colleague will write to you.");
            ask(parley, "where is my parcel?").awaitBotMessage("Your order is on its way.");
            ask(parley, "a banana smoothie with mango").awaitBotMessage("Sorry, I did not understand that.");

            Files.writeString(shared, SHARED.replace("\"Talk to a human\"",
                    "\"A banana smoothie with mango\", \"I want a banana smoothie\", \"Talk to a human\""));
            Files.setLastModifiedTime(shared, FileTime.from(Instant.now().plusSeconds(5)));
            await("the edited shared intents").atMost(Duration.ofSeconds(30)).until(() -> {
                WebContact contact = ask(parley, "a banana smoothie with mango");
                await().atMost(Duration.ofSeconds(10)).until(() -> contact.transcript().stream().anyMatch(
                        Items.body("A colleague will write to you.").or(Items.body("Sorry, I did not understand that."))));
                return contact.transcript().stream().anyMatch(Items.body("A colleague will write to you."));
            });
        }
    }
}
