package dev.parley.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Files of the kinds contacts and bots send, made here rather than kept as binaries. */
final class Samples {
    static final byte[] HTML = """
            <!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>
            """.getBytes(StandardCharsets.UTF_8);
    static final byte[] SVG = """
            <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>
            """.getBytes(StandardCharsets.UTF_8);
    static final byte[] TEXT = "Order 4711\nDelivered on Tuesday — thank you!\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private Samples() {}

    /** A real PNG image of {@code size}×{@code size} pixels with noisy content (so it does not compress away). */
    static byte[] png(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(size);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature followed by {@code size} bytes in all: an image as far as sniffing goes. */
    static byte[] pngOfSize(int size) {
        byte[] bytes = Arrays.copyOf(png(2), size);
        Arrays.fill(bytes, png(2).length, size, (byte) 7);
        return bytes;
    }
}
