package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook bodies exactly as Meta documents them (WhatsApp {@code whatsapp_business_account} changes and
 * Messenger {@code page} entries), signed as Meta signs them: {@code sha256=} and the hex HMAC-SHA256 of the body
 * with the app secret, computed here with the JDK alone, independently of the code under test.
 */
public final class MetaWebhooks {
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String PAGE_ID = "1234567890123";

    private MetaWebhooks() {}

    /** A signed body. */
    public record Signed(byte[] body, String signature) {}

    public static Signed sign(String appSecret, ObjectNode payload) {
        byte[] body = Json.write(payload).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new Signed(body, "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A WhatsApp webhook carrying {@code message} (one of {@code messages[]}) from {@code waId} named {@code name}. */
    public static ObjectNode whatsAppMessage(String waId, String name, ObjectNode message) {
        ObjectNode value = whatsAppValue();
        value.putArray("contacts").addObject().put("wa_id", waId).putObject("profile").put("name", name);
        value.putArray("messages").add(message.put("from", waId));
        return whatsApp(value);
    }

    /** A WhatsApp message of {@code type} with its object, as {@code messages[]} holds it. */
    public static ObjectNode whatsAppMessageOf(String wamid, String type, ObjectNode object) {
        ObjectNode message = Json.object().put("id", wamid).put("timestamp", "1739321024").put("type", type);
        message.set(type, object);
        return message;
    }

    /** A WhatsApp webhook carrying one status of a message Parley sent. */
    public static ObjectNode whatsAppStatus(ObjectNode status) {
        ObjectNode value = whatsAppValue();
        value.putArray("statuses").add(status);
        return whatsApp(value);
    }

    private static ObjectNode whatsAppValue() {
        ObjectNode value = Json.object().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550783881").put("phone_number_id", PHONE_NUMBER_ID);
        return value;
    }

    private static ObjectNode whatsApp(ObjectNode value) {
        ObjectNode root = Json.object().put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", "102290129340398").putArray("changes")
                .addObject();
        change.set("value", value);
        change.put("field", "messages");
        return root;
    }

    /** A Messenger webhook carrying one {@code messaging} event ({@code message}, {@code postback}…) from {@code psid}. */
    public static ObjectNode messenger(String psid, String field, ObjectNode event) {
        ObjectNode root = Json.object().put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject().put("id", PAGE_ID).put("time", 1502905976963L);
        ObjectNode messaging = entry.putArray("messaging").addObject();
        messaging.putObject("sender").put("id", psid);
        messaging.putObject("recipient").put("id", PAGE_ID);
        messaging.put("timestamp", 1458692752478L);
        messaging.set(field, event);
        return root;
    }
}
