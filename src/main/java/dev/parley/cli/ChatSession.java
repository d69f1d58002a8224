package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.flow.engine.FlowEngine;
import dev.parley.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * One terminal conversation with a flow: sends {@code start}, then each line the contact types, to
 * the engine exactly as the server would, and keeps the context, contact and conversation in step.
 */
final class ChatSession {
    private final FlowEngine engine;
    private final String flowId;
    private final PrintWriter out;
    private final ChatPrinter printer;
    private final String cid = "chatbot::terminal:" + HexFormat.of().formatHex(uuidBytes());
    private final ObjectNode contact = Json.object();
    private final ObjectNode conversation = Json.object();
    private ObjectNode context = Json.object();

    ChatSession(FlowEngine engine, String flowId, Optional<String> name, PrintWriter out) {
        this.engine = engine;
        this.flowId = flowId;
        this.out = out;
        this.printer = new ChatPrinter(out);
        contact.put("id", UUID.randomUUID().toString());
        name.ifPresentOrElse(n -> contact.put("name", n), () -> contact.putNull("name"));
        contact.putNull("email").putNull("mobile_number").putNull("external_customer_id");
        contact.putObject("custom_fields");
        contact.putObject("page_tags");
        conversation.put("id", UUID.randomUUID().toString()).putNull("subject");
        conversation.putArray("topics");
        conversation.putObject("custom_fields");
        conversation.putObject("contact_channel").put("type", "web").put("state", "valid");
    }

    /** Chats until the flow ends, hands over or leaves, or until {@code /quit} or the end of the input. */
    int run(InputStream in, String envName) throws IOException {
        out.println("Chatting with flow " + flowId + " (environment " + envName
                + "). Type a reply, a number to pick an option, /quit to leave.");
        if (send(packet("start", Json.object()))) {
            return 0;
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            out.print("> ");
            out.flush();
            String line = lines.readLine();
            if (line == null || line.strip().equals("/quit")) {
                out.println();
                out.println("(chat left)");
                out.flush();
                return 0;
            }
            if (line.isBlank()) {
                continue;
            }
            if (send(input(line.strip()))) {
                return 0;
            }
        }
    }

    /** The packet for a typed line: a bare number while a choice is pending clicks that option. */
    private ObjectNode input(String line) {
        Optional<JsonNode> option = printer.option(line);
        if (option.isPresent()) {
            ObjectNode value = Json.object().put("id", option.get().path("id").asText())
                    .put("label", option.get().path("label").asText());
            out.println("(clicked " + value.path("label").asText() + ")");
            ObjectNode payload = Json.object();
            payload.set("value", value);
            return packet("click", payload);
        }
        return packet("message", Json.object().put("body", line));
    }

    /** Sends {@code packet} (and a {@code forward_failed} when the flow asks for feedback); true when the chat is over. */
    private boolean send(ObjectNode packet) {
        ObjectNode next = packet;
        while (next != null) {
            ObjectNode info = Json.object().put("cid", cid);
            info.set("context", context);
            info.set("contact", contact.deepCopy());
            info.set("conversation", conversation.deepCopy());
            FlowEngine.Reply reply = engine.answer(flowId, info, next);
            context = reply.context();
            reply.log().forEach(line -> out.println("  · [" + line.node() + "] " + line.message()));
            ChatPrinter.Outcome outcome = printer.print(reply.events(), contact, conversation);
            out.flush();
            switch (outcome) {
                case OVER -> {
                    return true;
                }
                case FORWARD_FAILED -> next = packet("forward_failed", Json.object());
                case CONTINUE -> next = null;
            }
        }
        return false;
    }

    private static ObjectNode packet(String name, ObjectNode payload) {
        ObjectNode packet = Json.object().put("name", name);
        packet.set("payload", payload);
        return packet;
    }

    private static byte[] uuidBytes() {
        UUID id = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }
}
