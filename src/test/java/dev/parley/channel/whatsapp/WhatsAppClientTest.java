package dev.parley.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.channel.meta.ChoicePrompt;
import dev.parley.channel.meta.ChoicePrompt.Form;
import dev.parley.channel.meta.GraphError;
import dev.parley.channel.meta.GraphOutcome;
import dev.parley.channel.standin.WhatsAppStandIn;
import dev.parley.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WhatsApp client and form chooser against a Cloud API stand-in that checks what Meta checks. */
class WhatsAppClientTest {
    private static final String NUMBER = "106540352242922";
    private static final String TOKEN = "EAAG-test-token";
    private static final String TO = "16505551234";
    private final WhatsAppStandIn meta = WhatsAppStandIn.start(NUMBER, TOKEN);
    private final WhatsAppClient client = new WhatsAppClient(meta.graph().baseUrl(), NUMBER, TOKEN, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        meta.close();
    }

    private static ChoicePrompt prompt(Form form, int options, String labelPrefix) {
        return new ChoicePrompt(form, "Which **one**?", Optional.of("Header"), Optional.of("Footer"), "Pick one:",
                IntStream.rangeClosed(1, options).mapToObj(i -> new ChoicePrompt.Option("c.tok" + i, labelPrefix + i,
                        Optional.of("about " + i))).toList());
    }

    private String sent(List<ObjectNode> requests) {
        assertThat(requests).hasSize(1);
        GraphOutcome<String> outcome = client.send(requests.get(0));
        assertThat(outcome).isInstanceOf(GraphOutcome.Done.class);
        return ((GraphOutcome.Done<String>) outcome).value();
    }

    @Test
    void textIsSentWithWhatsAppMarkupAndTheWamidComesBack() {
        String wamid = sent(WhatsAppRequests.texts(TO, "**Order** shipped, see [tracking](https://t.example/1)"));
        assertThat(wamid).startsWith("wamid.");
        JsonNode request = meta.messages().get(0);
        assertThat(request.path("text").path("body").asText()).isEqualTo("*Order* shipped, see tracking (https://t.example/1)");
        assertThat(meta.graph().taken().get(0).headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
        List<ObjectNode> parts = WhatsAppRequests.texts(TO, "word ".repeat(1000));
        assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(client.send(p)).isInstanceOf(GraphOutcome.Done.class));
    }

    @Test
    void aRateLimitIsARetryAfterTheWaitMetaAsksFor() {
        meta.graph().failWith(429, 130429, "Rate limit hit", 7);
        GraphOutcome<String> outcome = client.send(WhatsAppRequests.texts(TO, "hello").getFirst());
        assertThat(outcome).isInstanceOf(GraphOutcome.Retry.class);
        assertThat(((GraphOutcome.Retry<String>) outcome).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(((GraphOutcome.Retry<String>) outcome).error().code()).isEqualTo(130429);
        dev.parley.channel.SendResult result = new WhatsAppChannel("wa", "secret", client, null)
                .send(TO, dev.parley.conversation.ChatPacket.Message.text("hello"), dev.parley.channel.SentParts.NONE, "k");
        assertThat(result).isEqualTo(new dev.parley.channel.SendResult.Retry("(#130429) Rate limit hit",
                Optional.of(Duration.ofSeconds(7)), dev.parley.channel.SentParts.NONE));
    }

    @Test
    void bubblesBecomeReplyButtonsThenAListThenNumberedText() {
        sent(WhatsAppChoices.render(TO, prompt(Form.BUBBLES, 3, "Option ")));
        assertThat(meta.messages().get(0).at("/interactive/type").asText()).isEqualTo("button");
        assertThat(meta.messages().get(0).at("/interactive/action/buttons/2/reply/id").asText()).isEqualTo("c.tok3");
        assertThat(meta.messages().get(0).at("/interactive/body/text").asText()).isEqualTo("Which *one*?");
        sent(WhatsAppChoices.render(TO, prompt(Form.BUBBLES, 10, "Option ")));
        assertThat(meta.messages().get(1).at("/interactive/type").asText()).isEqualTo("list");
        sent(WhatsAppChoices.render(TO, prompt(Form.BUBBLES, 11, "Option ")));
        assertThat(meta.messages().get(2).at("/text/body").asText()).startsWith("Pick one:\n1. Option 1\n2. Option 2")
                .endsWith("11. Option 11");
        sent(WhatsAppChoices.render(TO, prompt(Form.BUBBLES, 2, "A label that is too long ")));
        assertThat(meta.messages().get(3).path("type").asText()).as("title over 20 chars").isEqualTo("text");
    }

    @Test
    void templatesKeepHeaderAndFooterAndFallBackWithinEveryLimit() {
        sent(WhatsAppChoices.render(TO, prompt(Form.BUTTON_TEMPLATE, 2, "Yes ")));
        assertThat(meta.messages().get(0).at("/interactive/header/text").asText()).isEqualTo("Header");
        assertThat(meta.messages().get(0).at("/interactive/footer/text").asText()).isEqualTo("Footer");
        sent(WhatsAppChoices.render(TO, prompt(Form.BUTTON_TEMPLATE, 4, "Choice ")));
        assertThat(meta.messages().get(1).at("/interactive/type").asText()).isEqualTo("list");
        sent(WhatsAppChoices.render(TO, prompt(Form.LIST_TEMPLATE, 7, "Row title of 24 chars ")));
        assertThat(meta.messages().get(2).at("/interactive/action/sections/0/rows/6/description").asText())
                .isEqualTo("about 7");
        sent(WhatsAppChoices.render(TO, prompt(Form.LIST_TEMPLATE, 2, "A row title over 24 chars ")));
        assertThat(meta.messages().get(3).path("type").asText()).isEqualTo("text");
        ChoicePrompt duplicate = new ChoicePrompt(Form.BUBBLES, "Sure?", Optional.empty(), Optional.empty(), "",
                List.of(new ChoicePrompt.Option("a", "Yes", Optional.empty()),
                        new ChoicePrompt.Option("b", "Yes", Optional.empty())));
        sent(WhatsAppChoices.render(TO, duplicate));
        assertThat(meta.messages().get(4).at("/interactive/type").asText()).as("titles must be unique").isEqualTo("list");
    }

    @Test
    void mediaAndTemplatesAreSentInMetasShapes() {
        sent(List.of(WhatsAppRequests.request(TO, new WhatsAppMessage.Media(WhatsAppInbound.MediaKind.DOCUMENT,
                new MediaSource.Link("https://example.com/invoice.pdf"), Optional.of("Your invoice"),
                Optional.of("invoice-1234.pdf")))));
        assertThat(meta.messages().get(0).path("document").path("filename").asText()).isEqualTo("invoice-1234.pdf");
        sent(List.of(WhatsAppRequests.request(TO, new WhatsAppMessage.Template("order_shipped", "en_US", List.of(
                new TemplateComponent("body", Optional.empty(), Optional.empty(), List.of(
                        new TemplateComponent.Parameter.Text("Ada"),
                        new TemplateComponent.Parameter.Currency("$10.00", "USD", 10000))),
                new TemplateComponent("button", Optional.of("quick_reply"), Optional.of(0),
                        List.of(new TemplateComponent.Parameter.Payload("STOP_PROMOS"))))))));
        assertThat(Json.write(meta.messages().get(1).path("template"))).isEqualTo("{\"name\":\"order_shipped\","
                + "\"language\":{\"policy\":\"deterministic\",\"code\":\"en_US\"},\"components\":[{\"type\":\"body\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"Ada\"},{\"type\":\"currency\",\"currency\":"
                + "{\"fallback_value\":\"$10.00\",\"code\":\"USD\",\"amount_1000\":10000}}]},{\"type\":\"button\","
                + "\"sub_type\":\"quick_reply\",\"index\":\"0\",\"parameters\":[{\"type\":\"payload\",\"payload\":\"STOP_PROMOS\"}]}]}");
        assertThatThrownBy(() -> WhatsAppRequests.request(TO, new WhatsAppMessage.Media(WhatsAppInbound.MediaKind.AUDIO,
                new MediaSource.Id("123"), Optional.of("no"), Optional.empty())))
                .hasMessage("audio.caption: only image, video and document take a caption");
    }

    @Test
    void aRequestBreakingALimitIsRefusedByMetaAsPermanent() {
        ObjectNode request = Json.parseStoredObject("{\"messaging_product\":\"whatsapp\",\"to\":\"" + TO + "\","
                + "\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Hi\"},"
                + "\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":\"a\",\"title\":\"A title of 21 chars!!\"}}]}}}");
        GraphError error = permanent(client.send(request));
        assertThat(error.code()).isEqualTo(131009);
        assertThat(error.details()).hasValueSatisfying(d -> assertThat(d).contains("button.reply.title length invalid"));
        assertThatThrownBy(() -> WhatsAppRequests.request(TO, new WhatsAppMessage.Buttons("Hi", Optional.empty(),
                Optional.empty(), List.of(new WhatsAppMessage.Reply("a", "A title of 21 chars!!")))))
                .hasMessage("interactive.action.buttons[0].reply.title: at most 20 characters, got 21");
    }

    @Test
    void serverErrorsRateLimitsAndNetworkFailuresAreRetriedOthersArePermanent() {
        ObjectNode text = WhatsAppRequests.texts(TO, "hello").get(0);
        meta.graph().failWith(503, 133004, "(#133004) Server temporarily unavailable");
        assertThat(client.send(text)).isInstanceOf(GraphOutcome.Retry.class);
        meta.graph().failWith(400, 130429, "(#130429) Rate limit hit");
        assertThat(client.send(text)).isInstanceOf(GraphOutcome.Retry.class);
        meta.graph().failWith(429, 4, "(#4) Application request limit reached");
        assertThat(client.send(text)).isInstanceOf(GraphOutcome.Retry.class);
        meta.graph().failWith(400, 131047, "(#131047) Re-engagement message");
        assertThat(permanent(client.send(text)).code()).isEqualTo(131047);
        meta.graph().failWith(400, 131026, "(#131026) Message undeliverable");
        assertThat(permanent(client.send(text)).message()).isEqualTo("(#131026) Message undeliverable");
        meta.graph().recover();
        WhatsAppClient wrongToken = new WhatsAppClient(meta.graph().baseUrl(), NUMBER, "expired", Duration.ofSeconds(5));
        assertThat(permanent(wrongToken.send(text)).code()).isEqualTo(190);
        String base = meta.graph().baseUrl();
        meta.close();
        GraphOutcome<String> down = new WhatsAppClient(base, NUMBER, TOKEN, Duration.ofSeconds(2)).send(text);
        assertThat(down).isInstanceOf(GraphOutcome.Retry.class);
        assertThat(((GraphOutcome.Retry<String>) down).error().code()).isEqualTo(GraphError.LOCAL_CODE);
    }

    @Test
    void mediaIsDownloadedByIdWithTheToken() {
        byte[] photo = "jpeg bytes".getBytes(StandardCharsets.UTF_8);
        meta.addMedia("2754859441498128", photo);
        GraphOutcome<WhatsAppClient.MediaFile> outcome = client.download("2754859441498128");
        assertThat(outcome).isInstanceOf(GraphOutcome.Done.class);
        WhatsAppClient.MediaFile file = ((GraphOutcome.Done<WhatsAppClient.MediaFile>) outcome).value();
        assertThat(file.bytes()).isEqualTo(photo);
        assertThat(file.mimeType()).isEqualTo("image/jpeg");
        assertThat(meta.graph().taken()).allSatisfy(t -> assertThat(t.headers().get("authorization"))
                .isEqualTo("Bearer " + TOKEN));
        assertThat(permanent(client.download("404")).code()).isEqualTo(100);
    }

    private static GraphError permanent(GraphOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(GraphOutcome.Permanent.class);
        return ((GraphOutcome.Permanent<?>) outcome).error();
    }
}
