package dev.parley.channel.threema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a Threema box holds once opened (Threema's end-to-end message format): a type byte, the type's data, and
 * PKCS#7-style padding of 1 to 255 bytes, each holding the padding's length; the padded data is at least 32 bytes.
 * The types Parley reads: {@code 0x01} text, {@code 0x02} image (legacy), {@code 0x17} file, {@code 0x80}
 * delivery receipt; any other is {@link Other}.
 */
sealed interface ThreemaMessage {
    int TEXT = 0x01;
    int IMAGE = 0x02;
    int FILE = 0x17;
    int RECEIPT = 0x80;
    int BLOB_ID_BYTES = 16;
    int MESSAGE_ID_BYTES = 8;
    int MIN_PADDED = 32;

    /** A text, UTF-8. */
    record Text(String text) implements ThreemaMessage {}

    /**
     * A file: the blob holding it (sealed with {@code key} and {@link ThreemaCrypto#FILE_NONCE}), its type, name,
     * size and caption.
     */
    record File(String blobId, byte[] key, String mimeType, Optional<String> name, long size,
            Optional<String> caption) implements ThreemaMessage {}

    /** A legacy image: the blob holding it, boxed like a message with {@code nonce}. */
    record Image(String blobId, long size, byte[] nonce) implements ThreemaMessage {}

    /** A delivery receipt: {@code status} 1 received, 2 read, 3 acknowledged, 4 declined, of the messages named. */
    record Receipt(int status, List<String> messageIds) implements ThreemaMessage {}

    /** A type Parley does not read (location, poll, group messages…). */
    record Other(int type) implements ThreemaMessage {}

    /**
     * The message in an opened box.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    static ThreemaMessage read(byte[] plain) {
        if (plain.length < 2) {
            throw new IllegalArgumentException("the message is shorter than a type and its padding");
        }
        int padding = plain[plain.length - 1] & 0xff;
        if (padding == 0 || padding > plain.length - 1) {
            throw new IllegalArgumentException("the message's padding length " + padding + " is not 1 to "
                    + (plain.length - 1));
        }
        byte[] data = Arrays.copyOfRange(plain, 1, plain.length - padding);
        int type = plain[0] & 0xff;
        return switch (type) {
            case TEXT -> new Text(utf8(data, "text"));
            case FILE -> file(data);
            case IMAGE -> image(data);
            case RECEIPT -> receipt(data);
            default -> new Other(type);
        };
    }

    /** A text or file message with its type byte and random padding, ready to box. */
    static byte[] write(ThreemaMessage message) {
        byte[] data = switch (message) {
            case Text t -> t.text().getBytes(StandardCharsets.UTF_8);
            case File f -> fileJson(f);
            case Image i -> throw new IllegalArgumentException("Parley sends files as file messages");
            case Receipt r -> throw new IllegalArgumentException("Parley sends no delivery receipts");
            case Other o -> throw new IllegalArgumentException("type " + o.type() + " is not written by Parley");
        };
        int padding = Math.max(1 + (ThreemaCrypto.random(1)[0] & 0xff) % 255, MIN_PADDED - data.length);
        byte[] out = new byte[1 + data.length + padding];
        out[0] = (byte) type(message);
        System.arraycopy(data, 0, out, 1, data.length);
        Arrays.fill(out, 1 + data.length, out.length, (byte) padding);
        return out;
    }

    private static int type(ThreemaMessage message) {
        return switch (message) {
            case Text t -> TEXT;
            case File f -> FILE;
            case Image i -> IMAGE;
            case Receipt r -> RECEIPT;
            case Other o -> o.type();
        };
    }

    private static byte[] fileJson(File f) {
        ObjectNode json = Json.object().put("b", f.blobId()).put("k", HexFormat.of().formatHex(f.key()))
                .put("m", f.mimeType()).put("s", f.size()).put("i", 0);
        f.name().ifPresent(n -> json.put("n", n));
        f.caption().ifPresent(c -> json.put("d", c));
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }

    private static File file(byte[] data) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(utf8(data, "file message"));
        } catch (IOException e) {
            throw new IllegalArgumentException("the file message is not JSON");
        }
        String blob = json.path("b").asText("");
        String key = json.path("k").asText("");
        if (!blob.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("file message b: must be a blob id of 32 hex digits");
        }
        if (!key.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("file message k: must be a key of 64 hex digits");
        }
        if (!json.path("m").isTextual() || !json.path("s").canConvertToLong()) {
            throw new IllegalArgumentException("file message m and s: the MIME type and size are required");
        }
        return new File(blob.toLowerCase(java.util.Locale.ROOT), HexFormat.of().parseHex(key), json.path("m").asText(),
                text(json, "n"), json.path("s").asLong(), text(json, "d"));
    }

    private static Image image(byte[] data) {
        if (data.length != BLOB_ID_BYTES + 4 + ThreemaCrypto.NONCE_BYTES) {
            throw new IllegalArgumentException("an image message holds a blob id, a size and a nonce (44 bytes), not "
                    + data.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        byte[] blob = new byte[BLOB_ID_BYTES];
        byte[] nonce = new byte[ThreemaCrypto.NONCE_BYTES];
        in.get(blob);
        long size = Integer.toUnsignedLong(in.getInt());
        in.get(nonce);
        return new Image(HexFormat.of().formatHex(blob), size, nonce);
    }

    private static Receipt receipt(byte[] data) {
        if (data.length < 1 + MESSAGE_ID_BYTES || (data.length - 1) % MESSAGE_ID_BYTES != 0) {
            throw new IllegalArgumentException("a delivery receipt holds a status and 8-byte message ids");
        }
        List<String> ids = new ArrayList<>();
        for (int at = 1; at < data.length; at += MESSAGE_ID_BYTES) {
            ids.add(HexFormat.of().formatHex(data, at, at + MESSAGE_ID_BYTES));
        }
        return new Receipt(data[0] & 0xff, ids);
    }

    private static Optional<String> text(JsonNode json, String field) {
        return Optional.of(json.path(field)).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank());
    }

    private static String utf8(byte[] data, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the " + what + " is not UTF-8");
        }
    }
}
