package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The typed packets write the JSON the untyped packets wrote: every payload below is exactly what
 * the earlier code stored on the timeline or exchanged over the Chatbot API (same fields, same
 * order, same {@code null}s), and it reads as its typed kind and writes back byte for byte.
 */
class PacketCodecTest {
    private static final String MEDIA = "\"url\":\"https://parley.test/media/m1\",\"mime_type\":\"image/png\","
            + "\"filename\":\"x.png\",\"size\":1234";

    /** Event name, and its payload as stored by earlier versions or sent by bots. */
    private static final List<String[]> STORED = List.of(
            row("start", "{}"),
            row("start", "{\"body\":\"Hi there\"}"),
            row("start", "{" + MEDIA + ",\"caption\":null}"),
            row("message", "{\"body\":\"Hello\"}"),
            row("message", "{\"body\":\"**Hi**\",\"text_format\":\"markdown_v1\"}"),
            row("click", "{\"value\":{\"id\":\"a\",\"label\":\"Apples\"},\"message_id\":\"msg_1\"}"),
            row("click", "{\"value\":{\"id\":\"a\",\"label\":\"Apples\"}}"),
            row("media", "{" + MEDIA + ",\"caption\":null}"),
            row("media", "{" + MEDIA + ",\"caption\":\"Look\",\"type\":\"image\"}"),
            row("location", "{\"latitude\":52.52,\"longitude\":13.4,\"name\":null,\"address\":null}"),
            row("location", "{\"latitude\":52.52,\"longitude\":13.4,\"name\":\"Office\",\"address\":\"Main St 1\"}"),
            row("forward_failed", "{}"),
            row("campaign_unsubscribe", "{\"keyword\":\"STOP\"}"),
            row("bubbles", "{\"body\":\"Pick\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}],"
                    + "\"fallback\":\"Reply 1 or 2\"}"),
            row("bubbles", "{\"body\":\"*Pick*\",\"text_format\":\"markdown_v1\",\"options\":[{\"id\":\"a\","
                    + "\"label\":\"A\"}],\"fallback\":\"Reply 1\"}"),
            row("bubbles", "{\"options\":[{\"id\":\"7\",\"label\":\"Seven\"}],\"fallback\":\"Reply 1\"}"),
            row("carousel", "{\"body\":\"Shoes\",\"options\":[{\"id\":\"s1\",\"label\":\"Red\",\"image_url\":"
                    + "\"https://img.test/1.png\"}],\"fallback\":\"Reply 1\"}"),
            row("button_template", "{\"header\":{\"type\":\"image\",\"url\":\"https://img.test/h.png\"},\"body\":"
                    + "\"Choose\",\"footer\":\"Thanks\",\"options\":[{\"id\":\"y\",\"label\":\"Yes\"}],\"fallback\":\"Yes?\"}"),
            row("button_template", "{\"header\":{\"type\":\"text\",\"text\":\"Hi\"},\"body\":\"Choose\",\"options\":"
                    + "[{\"id\":\"y\",\"label\":\"Yes\"}],\"fallback\":\"Yes?\"}"),
            row("list_template", "{\"headline\":\"Menu\",\"body\":\"Pick one\",\"button\":\"Open\",\"footer\":\"f\","
                    + "\"list_headline\":\"Dishes\",\"options\":[{\"id\":\"1\",\"label\":\"Soup\",\"description\":"
                    + "\"Hot\"},{\"id\":\"2\",\"label\":\"Salad\"}],\"fallback\":\"Reply 1 or 2\"}"),
            row("button", "{\"body\":\"Docs\",\"label\":\"Open\",\"url\":\"https://docs.test\"}"),
            row("buttons", "{\"body\":\"Links\",\"buttons\":[{\"label\":\"A\",\"url\":\"https://a.test\"}]}"),
            row("navigate", "{\"url\":\"https://shop.test/cart\"}"),
            row("assignment", "{\"to\":{\"type\":\"bot\",\"id\":\"b1\",\"name\":\"Helper\"},\"cid\":\"chatbot::b1:ab\"}"),
            row("assignment", "{\"reason\":\"forward\",\"to\":{\"type\":\"operator\",\"id\":\"op1\",\"name\":\"Ann\"}}"),
            row("assignment", "{\"to\":{\"type\":\"operator\",\"id\":\"op1\",\"name\":\"Ann\"}}"),
            row("conversation_forwarded", "{\"reason\":\"forward\",\"from_bot\":\"b1\",\"to\":{\"type\":\"operator\","
                    + "\"id\":\"op1\",\"name\":\"Ann\"}}"),
            row("conversation_forwarded", "{\"reason\":\"timeout\",\"from_bot\":\"b1\",\"to\":{\"type\":\"inbox\"}}"),
            row("conversation_forwarded", "{\"reason\":\"away\",\"from_operator\":\"op1\",\"to\":{\"type\":\"inbox\"}}"),
            row("conversation_forwarded", "{\"to\":{\"type\":\"inbox\",\"group\":\"sales\"}}"),
            row("conversation_ended", "{\"reason\":\"live_timeout\"}"),
            row("bot_unavailable", "{\"bot_id\":\"b1\",\"error\":\"HTTP 503\"}"),
            row("bot_event_skipped", "{\"bot_id\":\"b1\",\"event_id\":\"ev1\",\"event\":\"contact_update\",\"path\":"
                    + "\"[0].packet.payload.email\",\"reason\":\"is not an e-mail address\"}"),
            row("flow_log", "{\"node\":\"ask\",\"level\":\"info\",\"message\":\"asked\"}"),
            row("whatsapp_template", "{\"name\":\"winback_offer\",\"language\":\"en\",\"parameters\":[\"Ada\"]}"),
            row("whatsapp_template", "{\"name\":\"hello_world\",\"language\":\"en_US\",\"parameters\":[]}"),
            row("channel_error", "{\"channel_id\":\"wa\",\"message_id\":\"msg1\",\"code\":\"131026\",\"reason\":"
                    + "\"(#131026) Message undeliverable\"}"),
            row("note_create", "{\"note_id\":\"n1\",\"body\":\"VIP\"}"),
            row("note_create", "{\"note_id\":\"n1\",\"body\":\"VIP\",\"about\":\"contact\"}"),
            row("registration_request", "{\"fields\":[\"name\",\"email\"]}"),
            row("registration", "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}"),
            row("page_tag", "{\"tag\":\"pricing\",\"properties\":{\"plan\":\"pro\",\"seats\":3}}"),
            row("page_view", "{\"url\":\"https://shop.test/p\"}"),
            row("addon_dispatch", "{\"type\":\"braze\",\"dispatch_id\":\"dsp1\"}"),
            row("email_dispatch", "{\"recipient\":{\"type\":\"operator\",\"id\":\"op1\"},\"dispatch_id\":\"dsp1\"}"),
            row("email_dispatch", "{\"recipient\":{\"type\":\"contact\"},\"dispatch_id\":\"dsp1\",\"status\":"
                    + "\"not sent: no SMTP configured\"}"),
            row("contact_update", "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"mobile_number\":\"+4915112345678\","
                    + "\"external_customer_id\":\"c1\",\"custom_fields\":{\"tier\":\"gold\"},\"campaigns\":true}"),
            row("contact_update", "{\"email\":\"ann@example.com\"}"),
            row("conversation_update", "{\"subject\":\"Refund\",\"topics\":[\"billing\",\"refund\"],\"locale\":\"de\","
                    + "\"custom_fields\":{\"order\":42}}"));

    private static String[] row(String event, String payload) {
        return new String[] {event, payload};
    }

    @Test
    void everyStoredPayloadReadsTypedAndWritesBackByteForByte() {
        for (String[] row : STORED) {
            Packet packet = PacketCodec.read(row[0], Json.parseStored(row[1]));
            assertThat(packet).as(row[0] + " " + row[1]).isNotInstanceOf(Packet.Raw.class);
            assertThat(packet.event()).isEqualTo(row[0]);
            assertThat(Json.write(PacketCodec.payload(packet))).as(row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void everyKindOfPacketIsReadByTheCodec() {
        Set<Class<?>> read = new HashSet<>();
        STORED.forEach(row -> read.add(PacketCodec.read(row[0], Json.parseStored(row[1])).getClass()));
        List<Class<?>> kinds = leaves(Packet.class);
        kinds.remove(Packet.Raw.class);
        assertThat(read).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(PacketCodec.events()).hasSize(kinds.size());
    }

    @Test
    void packetsBuiltInCodeWriteWhatTheEarlierCodeBuilt() {
        assertThat(wire(ChatPacket.Start.empty())).isEqualTo("{\"name\":\"start\",\"payload\":{}}");
        assertThat(wire(new ChatPacket.ForwardFailed())).isEqualTo("{\"name\":\"forward_failed\",\"payload\":{}}");
        assertThat(wire(new ChatPacket.Click(new ChoicePacket.Option("a", "Apples"), Optional.empty())))
                .isEqualTo("{\"name\":\"click\",\"payload\":{\"value\":{\"id\":\"a\",\"label\":\"Apples\"}}}");
        assertThat(wire(new ChatPacket.Message("Hi", Optional.of("plain"))))
                .isEqualTo("{\"name\":\"message\",\"payload\":{\"body\":\"Hi\",\"text_format\":\"plain\"}}");
        assertThat(wire(new StatePacket.Assignment(Optional.empty(), StatePacket.Target.bot("b1", "Helper"),
                Optional.of("chatbot::b1:ab")))).isEqualTo("{\"name\":\"assignment\",\"payload\":{\"to\":{\"type\":"
                + "\"bot\",\"id\":\"b1\",\"name\":\"Helper\"},\"cid\":\"chatbot::b1:ab\"}}");
        assertThat(wire(new StatePacket.ConversationForwarded(Optional.empty(), Optional.empty(), Optional.empty(),
                StatePacket.Target.inbox(Optional.of("sales")))))
                .isEqualTo("{\"name\":\"conversation_forwarded\",\"payload\":{\"to\":{\"type\":\"inbox\",\"group\":"
                        + "\"sales\"}}}");
        assertThat(wire(new ChatPacket.Start(Optional.empty(), Optional.of(new ChatPacket.Media(
                "https://parley.test/media/m1", "image/png", "x.png", 1234, Optional.empty(), Optional.empty())))))
                .isEqualTo("{\"name\":\"start\",\"payload\":{" + MEDIA + ",\"caption\":null}}");
    }

    @Test
    void unknownEventsAndPayloadsThatAreNotOfTheirKindStayRawAndUnchanged() {
        List<String[]> raw = List.of(
                row("typing_started", "{\"z\":1,\"a\":[true,null]}"),
                row("message", "{\"text\":\"no body\"}"),
                row("location", "{\"latitude\":\"north\"}"),
                row("start", "{\"body\":\"Hi\",\"url\":5}"),
                row("click", "{}"));
        for (String[] row : raw) {
            Packet packet = PacketCodec.read(row[0], Json.parseStored(row[1]));
            assertThat(packet).as(row[1]).isInstanceOf(Packet.Raw.class);
            assertThat(Json.write(PacketCodec.toJson(packet)))
                    .isEqualTo("{\"name\":\"" + row[0] + "\",\"payload\":" + row[1] + "}");
        }
    }

    private static String wire(Packet packet) {
        return Json.write(PacketCodec.toJson(packet));
    }

    private static List<Class<?>> leaves(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        if (!type.isSealed()) {
            out.add(type);
            return out;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            out.addAll(leaves(sub));
        }
        return out;
    }
}
