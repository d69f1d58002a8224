package dev.parley.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.parley.json.Json;
import dev.parley.testing.JsonHttp;
import dev.parley.testing.WebhookRecorder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A real webhook bot on loopback, scripted by what the contact writes: {@code markdown},
 * {@code hostile}, {@code choice}, {@code carousel}, {@code links}, {@code image}, {@code wait},
 * {@code human}; it confirms clicks and uploads and echoes anything else. It also serves the PNG
 * files its messages show, from a second loopback server.
 */
final class WidgetBot implements AutoCloseable {
    /** Sets {@code window.__pwned} when a browser ever runs it. */
    static final String PWN = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";

    private final WebhookRecorder webhook;
    private final HttpServer images;

    private WidgetBot() {
        images = imageServer();
        webhook = WebhookRecorder.start((headers, body) -> WebhookRecorder.Reply.json(answer(Json.MAPPER.readTree(body))));
    }

    static WidgetBot start() {
        return new WidgetBot();
    }

    String webhookUrl() {
        return webhook.url();
    }

    WebhookRecorder recorder() {
        return webhook;
    }

    String imageUrl(String name) {
        return "http://127.0.0.1:" + images.getAddress().getPort() + "/" + name;
    }

    /** The cid of the newest session the bot was told about. */
    String lastCid() {
        List<WebhookRecorder.Call> calls = webhook.calls();
        return calls.isEmpty() ? "" : calls.getLast().cid();
    }

    /** Sends events on the bot's own initiative, through the API URL. */
    void push(JsonHttp http, String parleyBaseUrl, String cid, ObjectNode... packets) {
        ArrayNode events = Json.array();
        for (ObjectNode packet : packets) {
            ObjectNode event = events.addObject();
            event.putObject("info").put("cid", cid);
            event.set("packet", packet);
        }
        int status = http.post(parleyBaseUrl + "/api/chatbot/v1/bots/b/events", Map.of("SECURITY-TOKEN", "bee-token"),
                Json.write(events)).status();
        if (status != 200) {
            throw new IllegalStateException("the API URL answered " + status);
        }
    }

    static ObjectNode packet(String name, ObjectNode payload) {
        ObjectNode p = Json.object().put("name", name);
        p.set("payload", payload);
        return p;
    }

    static ObjectNode text(String body) {
        return packet("message", Json.object().put("body", body));
    }

    private ArrayNode answer(JsonNode call) {
        String cid = call.path("info").path("cid").asText();
        JsonNode payload = call.path("packet").path("payload");
        ArrayNode out = Json.array();
        switch (call.path("packet").path("name").asText()) {
            case "start" -> add(out, cid, packet("message", Json.object()
                    .put("body", "Hi, I am **Bo**, the Northwind assistant. How can I help?")
                    .put("text_format", "markdown_v1")));
            case "click" -> {
                if (payload.path("value").path("id").asText().equals("ride_yes")) {
                    add(out, cid, text("Great! Here is the bike you will ride. A colleague will confirm the time."));
                    add(out, cid, packet("media", Json.object().put("url", imageUrl("pro.png")).put("type", "image")
                            .put("caption", "Northwind Pro e-bike")));
                } else {
                    add(out, cid, text("You chose " + payload.path("value").path("label").asText() + "."));
                }
            }
            case "media" -> add(out, cid, text("Thanks, I got " + payload.path("filename").asText() + "."));
            case "message" -> script(out, cid, payload.path("body").asText().trim());
            default -> { }
        }
        return out;
    }

    private void script(ArrayNode out, String cid, String body) {
        switch (body) {
            case "markdown" -> add(out, cid, packet("message", Json.object().put("text_format", "markdown_v1")
                    .put("body", "Our **Pro** plan is _popular_:\n\n- e-bike\n- spare battery\n\n"
                            + "[See plans](https://example.com/plans)")));
            case "hostile" -> {
                add(out, cid, packet("message", Json.object().put("text_format", "markdown_v1")
                        .put("body", "md " + PWN + " [x](javascript:window.__pwned=1) **bold**")));
                add(out, cid, text("plain " + PWN));
                ObjectNode choice = Json.object().put("body", "pick " + PWN).put("fallback", "f");
                choice.putArray("options").addObject().put("id", "h1").put("label", "label " + PWN);
                add(out, cid, packet("bubbles", choice));
                ObjectNode carousel = Json.object().put("body", "cards " + PWN).put("fallback", "f");
                carousel.putArray("options").addObject().put("id", "c1").put("label", "card " + PWN)
                        .put("image_url", imageUrl("bike.png"));
                add(out, cid, packet("carousel", carousel));
                ObjectNode buttons = Json.object().put("body", "links " + PWN);
                buttons.putArray("buttons").addObject().put("label", "link " + PWN).put("url", "https://example.com/");
                add(out, cid, packet("buttons", buttons));
            }
            case "choice" -> {
                ObjectNode template = Json.object().put("body", "Which plan are you interested in?")
                        .put("footer", "You can change it later").put("fallback", "Answer with a number");
                template.putObject("header").put("type", "text").put("text", "Plans");
                ArrayNode options = template.putArray("options");
                options.addObject().put("id", "basic").put("label", "Basic");
                options.addObject().put("id", "pro").put("label", "Pro");
                add(out, cid, packet("button_template", template));
            }
            case "carousel" -> {
                ObjectNode carousel = Json.object().put("body", "Pick a bike").put("fallback", "Answer with a number");
                ArrayNode options = carousel.putArray("options");
                options.addObject().put("id", "city").put("label", "City bike").put("image_url", imageUrl("city.png"));
                options.addObject().put("id", "cargo").put("label", "Cargo bike").put("image_url", imageUrl("cargo.png"));
                add(out, cid, packet("carousel", carousel));
            }
            case "links" -> {
                ObjectNode buttons = Json.object().put("body", "Useful pages");
                buttons.putArray("buttons").addObject().put("label", "Opening hours").put("url", "https://example.com/hours");
                add(out, cid, packet("buttons", buttons));
            }
            case "image" -> add(out, cid, packet("media", Json.object().put("url", imageUrl("bike.png"))
                    .put("type", "image").put("caption", "Our Pro e-bike")));
            case "wait" -> {
                add(out, cid, packet("delay", Json.object().put("seconds", 2.5).put("typing", true)));
                add(out, cid, text("Thanks for waiting, here is your answer."));
            }
            case "Which plan suits a daily 10 km commute?" -> {
                add(out, cid, packet("message", Json.object().put("text_format", "markdown_v1").put("body",
                        "For 10 km a day I recommend the **Pro** plan (€49/month):\n\n- e-bike with 80 km range\n"
                                + "- spare battery included\n- replacement within 24 hours")));
                ObjectNode ride = Json.object().put("body", "Would you like a free test ride this week?")
                        .put("fallback", "Answer with a number");
                ArrayNode options = ride.putArray("options");
                options.addObject().put("id", "ride_yes").put("label", "Yes, book one");
                options.addObject().put("id", "ride_no").put("label", "Not now");
                add(out, cid, packet("bubbles", ride));
            }
            case "Perfect, thank you!" -> add(out, cid, text("You're welcome! Is there anything else I can do for you?"));
            case "human" -> {
                add(out, cid, text("Let me get a colleague."));
                add(out, cid, packet("forward_any", Json.object()));
            }
            default -> add(out, cid, text("You said: " + body));
        }
    }

    private static void add(ArrayNode out, String cid, ObjectNode packet) {
        ObjectNode event = out.addObject();
        event.putObject("info").put("cid", cid);
        event.set("packet", packet);
    }

    private static HttpServer imageServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] png = png(exchange.getRequestURI().getPath().hashCode());
                    exchange.getResponseHeaders().set("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, png.length);
                    exchange.getResponseBody().write(png);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the image server", e);
        }
    }

    /** A small picture of a bike-ish shape, coloured by {@code seed}. */
    static byte[] png(int seed) {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xF5F1EA));
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.getHSBColor((seed & 0xff) / 255f, 0.55f, 0.75f));
        g.setStroke(new java.awt.BasicStroke(10));
        g.drawOval(40, 90, 90, 90);
        g.drawOval(190, 90, 90, 90);
        g.drawLine(85, 135, 150, 70);
        g.drawLine(150, 70, 235, 135);
        g.drawLine(150, 70, 200, 70);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        webhook.close();
        images.stop(0);
    }
}
