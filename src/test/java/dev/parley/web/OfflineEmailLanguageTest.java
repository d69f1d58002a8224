package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.OperatorLogin;
import dev.parley.testing.StoreKind;
import dev.parley.testing.TestParley;
import dev.parley.testing.WebContact;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reply e-mailed to a visitor who left is written in the language the widget showed them: the widget's
 * configured locale, else their browser's; English when Parley has no texts in it.
 */
class OfflineEmailLanguageTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    @TempDir
    Path temp;

    final JsonHttp http = new JsonHttp();

    private String workspace() {
        return """
                groups: [{ id: support, name: Support }]
                operators: [{ id: ada, name: Ada, email: ada@example.com, group: support, role: admin,
                              password_env: ADA_PW }]
                widgets:
                  - { id: shop-de, name: Nordwind, group: support, locale: de }
                  - { id: web, name: Northwind, group: support }
                smtp: { host: 127.0.0.1, port: %d, from: "Northwind <help@example.com>" }
                """.formatted(MAIL.getSmtp().getPort());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theReplyIsEmailedInTheWidgetsLanguageElseTheVisitorsElseInEnglish(StoreKind kind) throws Exception {
        try (TestParley parley = TestParley.start(kind, temp, workspace(), Map.of("ADA_PW", "ada-password"))) {
            Map<String, String> ada = OperatorLogin.as(http, parley.baseUrl(), "ada@example.com", "ada-password");
            // a German widget speaks German even to a visitor whose browser asks for English
            replyWhileAway(parley, ada, "shop-de", "en-US", "greta@example.com");
            replyWhileAway(parley, ada, "web", "de-AT", "anna@example.com");
            replyWhileAway(parley, ada, "web", "fr-FR", "claire@example.com");

            await().atMost(Duration.ofSeconds(15)).until(() -> MAIL.getReceivedMessages().length == 3);

            MimeMessage greta = to("greta@example.com");
            assertThat(greta.getSubject()).isEqualTo("Ada hat Ihnen auf Nordwind geantwortet");
            assertThat(texts(greta)).contains("Ada hat geantwortet, während Sie nicht da waren:",
                    "Danke für Ihre Geduld.", "Öffnen Sie den Chat auf https://shop.example/hilfe, um zu antworten.",
                    "<html lang=\"de\">");

            MimeMessage anna = to("anna@example.com");
            assertThat(anna.getSubject()).isEqualTo("Ada hat Ihnen auf Northwind geantwortet");
            assertThat(texts(anna)).contains("Ada hat geantwortet, während Sie nicht da waren:");

            MimeMessage claire = to("claire@example.com");
            assertThat(claire.getSubject()).as("no French texts: English").isEqualTo("Ada answered you on Northwind");
            assertThat(texts(claire)).contains("Ada answered while you were away:",
                    "Open the chat on https://shop.example/hilfe to answer.");
        }
    }

    /** A visitor with {@code browser}'s language leaves {@code address}; Ada answers while they are gone. */
    private void replyWhileAway(TestParley parley, Map<String, String> ada, String widget, String browser,
            String address) {
        HttpAnswer opened = http.post(parley.baseUrl() + "/api/web/v1/widgets/" + widget + "/conversations", Map.of(),
                "{\"contact\": {\"locale\": \"" + browser + "\"}, \"page_url\": \"https://shop.example/hilfe\"}");
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        WebContact contact = WebContact.of(http, parley.baseUrl(), opened.json().path("conversation_id").asText(),
                opened.json().path("contact_token").asText());
        contact.say("Hallo?");
        assertThat(http.put(contact.url("/email"), contact.auth(), "{\"email\":\"" + address + "\"}").status())
                .isEqualTo(200);
        String conversation = parley.baseUrl() + "/api/v1/conversations/" + contact.conversationId();
        assertThat(http.post(conversation + "/take", ada, "").status()).isEqualTo(200);
        assertThat(http.post(conversation + "/messages", ada, "{\"body\":\"Danke für Ihre Geduld.\"}").status())
                .isEqualTo(201);
    }

    /** The decoded text and HTML parts of a mail, one after the other. */
    private static String texts(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(texts(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    private static MimeMessage to(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
    }
}
