package dev.parley.channel.standin;

import com.goterl.lazysodium.SodiumJava;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Threema Gateway's Message API on loopback, checking what the Gateway checks (its documentation and the
 * mock of Threema's Python SDK): {@code from} and {@code secret} on every call (401), the gateway ID's mode (400 for
 * {@code send_e2e} from a basic ID and the reverse), the recipient ID (8 characters; 404 when unknown),
 * {@code nonce} 24 bytes hex, {@code box} hex of at most 4000 bytes (413), a {@code send_simple} text of at most
 * 3500 UTF-8 bytes (413), blobs up to 20 MB. Sends are answered with a new 16-hex-digit message ID as text.
 * It holds the key pairs of its Threema IDs (contacts), so the test opens what Parley boxed with the recipient's
 * private key, and it makes the callbacks a contact's message causes, boxed for the gateway and MAC'd with the
 * API secret. Crypto here is libsodium's, called directly, independent of Parley's code.
 */
public final class ThreemaStandIn implements AutoCloseable {
    private static final SodiumJava SODIUM = new SodiumJava();
    private static final HexFormat HEX = HexFormat.of();

    /** A gateway ID: its secret, whether it is in end-to-end mode, and its key pair (end-to-end). */
    public record Gateway(String id, String secret, boolean e2e, byte[] privateKey, byte[] publicKey) {
        /** The key file Threema's tools write. */
        public String keyFile() {
            return "private:" + HEX.formatHex(privateKey);
        }
    }

    /** A message the Gateway took: sender, recipient, the opened type and text (or file JSON), and its ID. */
    public record Sent(String from, String to, int type, String text, String messageId) {}

    private final HttpServer server;
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();
    private final Map<String, byte[][]> contacts = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x1000);
    /** The clock an outage is told by ({@link #failFor}). */
    private volatile Clock downClock = Clock.systemUTC();
    private volatile Instant downUntil = Instant.MIN;
    private volatile Optional<Integer> failure = Optional.empty();

    private ThreemaStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static ThreemaStandIn start() {
        return new ThreemaStandIn();
    }

    /** The API base URL ({@code api_base_url}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds a gateway ID with a fresh key pair. */
    public Gateway gateway(String id, String secret, boolean e2e) {
        byte[][] pair = keyPair();
        Gateway gateway = new Gateway(id, secret, e2e, pair[0], pair[1]);
        gateways.put(id, gateway);
        return gateway;
    }

    /** Adds a Threema ID (a contact) with a fresh key pair. */
    public void contact(String id) {
        contacts.put(id, keyPair());
    }

    /** Every message the Gateway took, in order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The texts sent to {@code to}, in order. */
    public List<String> texts(String to) {
        return sent.stream().filter(s -> s.to().equals(to) && s.type() == 0x01).map(Sent::text).toList();
    }

    /**
     * What was wrong with the boxes it took (the Gateway cannot see inside them and would pass them on; the
     * recipient's app would drop them), answered 400 here.
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The paths of every call, answered or not, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** For {@code outage} from now by {@code clock} every call is answered 500, as the Gateway's temporary error. */
    public void failFor(Duration outage, Clock clock) {
        downClock = clock;
        downUntil = clock.instant().plus(outage);
    }

    /** From now on every authorised call is answered {@code status} (empty: normally again). */
    public void failWith(Optional<Integer> status) {
        failure = status;
    }

    /** The callback body of {@code text} sent by {@code from} to {@code gateway}, as the Gateway posts it. */
    public String textCallback(String from, Gateway gateway, String messageId, String text) {
        return callback(from, gateway, messageId, message(0x01, text.getBytes(StandardCharsets.UTF_8)), Optional.empty());
    }

    /** A delivery receipt of {@code status} for the message IDs. */
    public String receiptCallback(String from, Gateway gateway, String messageId, int status, List<String> of) {
        byte[] data = new byte[1 + 8 * of.size()];
        data[0] = (byte) status;
        for (int i = 0; i < of.size(); i++) {
            System.arraycopy(HEX.parseHex(of.get(i)), 0, data, 1 + 8 * i, 8);
        }
        return callback(from, gateway, messageId, message(0x80, data), Optional.empty());
    }

    /**
     * A file message: {@code bytes} sealed with a fresh key and stored as a blob, the file message naming it boxed
     * for the gateway.
     */
    public String fileCallback(String from, Gateway gateway, String messageId, byte[] bytes, String mime, String name,
            String caption) {
        byte[] key = random(32);
        byte[] nonce = new byte[24];
        nonce[23] = 1;
        byte[] sealed = new byte[bytes.length + 16];
        SODIUM.crypto_secretbox_easy(sealed, bytes, bytes.length, nonce, key);
        String blobId = HEX.formatHex(random(16));
        blobs.put(blobId, sealed);
        String json = "{\"b\":\"" + blobId + "\",\"k\":\"" + HEX.formatHex(key) + "\",\"m\":\"" + mime + "\",\"n\":\""
                + name + "\",\"s\":" + bytes.length + ",\"i\":0,\"d\":\"" + caption + "\"}";
        return callback(from, gateway, messageId, message(0x17, json.getBytes(StandardCharsets.UTF_8)),
                Optional.empty());
    }

    /**
     * A legacy image message ({@code 0x02}): {@code jpeg} boxed from {@code from} to {@code gateway} with its own
     * nonce and stored as a blob; the message holds the blob ID, the size (little-endian) and that nonce.
     */
    public String imageCallback(String from, Gateway gateway, String messageId, byte[] jpeg) {
        byte[] nonce = random(24);
        byte[] boxed = new byte[jpeg.length + 16];
        SODIUM.crypto_box_easy(boxed, jpeg, jpeg.length, nonce, gateway.publicKey(), contacts.get(from)[0]);
        byte[] blobId = random(16);
        blobs.put(HEX.formatHex(blobId), boxed);
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put(blobId).putInt(jpeg.length).put(nonce);
        return callback(from, gateway, messageId, message(0x02, data.array()), Optional.empty());
    }

    /** {@code plain} boxed from {@code from} to {@code gateway}, with the MAC of the API secret. */
    public String callback(String from, Gateway gateway, String messageId, byte[] plain, Optional<String> mac) {
        byte[] nonce = random(24);
        byte[] box = new byte[plain.length + 16];
        SODIUM.crypto_box_easy(box, plain, plain.length, nonce, gateway.publicKey(), contacts.get(from)[0]);
        String date = Long.toString(Instant.now().getEpochSecond());
        String nonceHex = HEX.formatHex(nonce);
        String boxHex = HEX.formatHex(box);
        String signed = mac.orElseGet(() -> hmac(gateway.secret(), from + gateway.id() + messageId + date + nonceHex
                + boxHex));
        return "from=" + from + "&to=" + encode(gateway.id()) + "&messageId=" + messageId + "&date=" + date
                + "&nonce=" + nonceHex + "&box=" + boxHex + "&mac=" + signed + "&nickname=" + encode("Zoë");
    }

    /** Type byte, data and padding as Threema's SDKs write them (at least 32 bytes of padded data). */
    public static byte[] message(int type, byte[] data) {
        int padding = Math.max(1 + new SecureRandom().nextInt(255), 32 - data.length);
        byte[] out = new byte[1 + data.length + padding];
        out[0] = (byte) type;
        System.arraycopy(data, 0, out, 1, data.length);
        Arrays.fill(out, 1 + data.length, out.length, (byte) padding);
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> query = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
            boolean formPost = exchange.getRequestMethod().equals("POST") && !path.equals("/upload_blob");
            Map<String, String> params = formPost ? form(new String(raw, StandardCharsets.UTF_8)) : query;
            byte[][] answer = answer(exchange.getRequestMethod(), path, params, exchange, raw);
            int status = Integer.parseInt(new String(answer[0], StandardCharsets.US_ASCII));
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, answer[1].length == 0 ? -1 : answer[1].length);
            if (answer[1].length > 0) {
                exchange.getResponseBody().write(answer[1]);
            }
        }
    }

    private byte[][] answer(String method, String path, Map<String, String> params, HttpExchange exchange, byte[] raw) {
        Gateway gateway = gateways.get(params.getOrDefault("from", ""));
        if (gateway == null || !gateway.secret().equals(params.get("secret"))) {
            return status(401);
        }
        if (downClock.instant().isBefore(downUntil)) {
            return status(500);
        }
        if (failure.isPresent()) {
            return status(failure.get());
        }
        if (method.equals("GET") && path.startsWith("/pubkeys/")) {
            return Optional.ofNullable(contacts.get(path.substring("/pubkeys/".length())))
                    .map(pair -> ok(HEX.formatHex(pair[1]))).orElseGet(() -> status(404));
        }
        if (method.equals("GET") && path.startsWith("/blobs/")) {
            return Optional.ofNullable(blobs.get(path.substring("/blobs/".length())))
                    .map(bytes -> new byte[][] {"200".getBytes(StandardCharsets.US_ASCII), bytes})
                    .orElseGet(() -> status(404));
        }
        if (method.equals("POST") && path.equals("/send_simple")) {
            return sendSimple(gateway, params);
        }
        if (method.equals("POST") && path.equals("/send_e2e")) {
            return sendE2e(gateway, params);
        }
        if (method.equals("POST") && path.equals("/upload_blob")) {
            return upload(exchange.getRequestHeaders().getFirst("Content-Type"), raw);
        }
        return status(404);
    }

    private byte[][] sendSimple(Gateway gateway, Map<String, String> params) {
        String to = params.getOrDefault("to", "");
        String text = params.getOrDefault("text", "");
        if (gateway.e2e() || !to.matches("[0-9A-Z*][0-9A-Z]{7}") || text.isEmpty()) {
            return status(400);
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > 3500) {
            return status(413);
        }
        String id = nextId();
        sent.add(new Sent(gateway.id(), to, 0x01, text, id));
        return ok(id);
    }

    private byte[][] sendE2e(Gateway gateway, Map<String, String> params) {
        String to = params.getOrDefault("to", "");
        String nonce = params.getOrDefault("nonce", "");
        String box = params.getOrDefault("box", "");
        if (!gateway.e2e() || !to.matches("[0-9A-Z*][0-9A-Z]{7}") || !nonce.matches("[0-9a-fA-F]{48}")
                || !box.matches("([0-9a-fA-F]{2})+")) {
            return status(400);
        }
        if (box.length() / 2 > 4000) {
            return status(413);
        }
        byte[][] recipient = contacts.get(to);
        if (recipient == null) {
            return status(404);
        }
        byte[] boxed = HEX.parseHex(box);
        byte[] plain = new byte[Math.max(0, boxed.length - 16)];
        if (boxed.length < 16 || SODIUM.crypto_box_open_easy(plain, boxed, boxed.length, HEX.parseHex(nonce),
                gateway.publicKey(), recipient[0]) != 0) {
            problems.add("a box sent to " + to + " does not open with its private key");
            return status(400);
        }
        int padding = plain[plain.length - 1] & 0xff;
        if (plain.length - 1 - padding < 0 || plain.length - 1 < 32) {
            problems.add("a message sent to " + to + " is not padded to 32 bytes with its length");
            return status(400);
        }
        String text = new String(plain, 1, plain.length - 1 - padding, StandardCharsets.UTF_8);
        String id = nextId();
        sent.add(new Sent(gateway.id(), to, plain[0] & 0xff, text, id));
        return ok(id);
    }

    private byte[][] upload(String contentType, byte[] raw) {
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !contentType.contains("boundary=")) {
            return status(400);
        }
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        String body = new String(raw, StandardCharsets.ISO_8859_1);
        int part = body.indexOf(boundary);
        int named = body.indexOf("name=\"blob\"", part);
        int start = body.indexOf("\r\n\r\n", named);
        int end = body.indexOf("\r\n" + boundary, start);
        if (part < 0 || named < 0 || start < 0 || end < 0) {
            return status(400);
        }
        byte[] blob = Arrays.copyOfRange(raw, start + 4, end);
        if (blob.length == 0) {
            return status(400);
        }
        if (blob.length > 20 * 1024 * 1024) {
            return status(413);
        }
        String id = HEX.formatHex(random(16));
        blobs.put(id, blob);
        return ok(id);
    }

    /** The bytes of a blob Parley uploaded, opened with the key of a file message Parley sent. */
    public byte[] openFile(String blobId, String keyHex) {
        byte[] sealed = blobs.get(blobId);
        byte[] nonce = new byte[24];
        nonce[23] = 1;
        byte[] out = new byte[sealed.length - 16];
        if (SODIUM.crypto_secretbox_open_easy(out, sealed, sealed.length, nonce, HEX.parseHex(keyHex)) != 0) {
            throw new IllegalStateException("the blob does not open with the file message's key");
        }
        return out;
    }

    private String nextId() {
        return String.format("%016x", ids.incrementAndGet());
    }

    private static byte[][] ok(String text) {
        return new byte[][] {"200".getBytes(StandardCharsets.US_ASCII), text.getBytes(StandardCharsets.US_ASCII)};
    }

    private static byte[][] status(int status) {
        return new byte[][] {Integer.toString(status).getBytes(StandardCharsets.US_ASCII), new byte[0]};
    }

    private static Map<String, String> form(String text) {
        Map<String, String> out = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[][] keyPair() {
        byte[] publicKey = new byte[32];
        byte[] privateKey = new byte[32];
        SODIUM.crypto_box_keypair(publicKey, privateKey);
        return new byte[][] {privateKey, publicKey};
    }

    private static byte[] random(int n) {
        byte[] out = new byte[n];
        new SecureRandom().nextBytes(out);
        return out;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The hex HMAC-SHA256 of {@code message} with {@code secret}, by the JDK. */
    public static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
