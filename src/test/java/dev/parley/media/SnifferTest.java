package dev.parley.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnifferTest {
    @TempDir
    Path temp;

    Sniffer.Sniffed sniff(byte[] content, String declared, String name) throws IOException {
        Path file = Files.write(temp.resolve("f"), content);
        return Sniffer.sniff(file, Optional.ofNullable(declared), Optional.ofNullable(name));
    }

    String mime(byte[] content) throws IOException {
        return ((Sniffer.Sniffed.Allowed) sniff(content, null, null)).mimeType();
    }

    @Test
    void theContentDecidesTheTypeNotTheDeclaredOne() throws IOException {
        assertThat(sniff(Samples.png(4), "text/html", "x.html")).isInstanceOf(Sniffer.Sniffed.Allowed.class);
        assertThat(mime(Samples.png(4))).isEqualTo("image/png");
        assertThat(mime(Samples.PDF)).isEqualTo("application/pdf");
        assertThat(mime(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}))
                .isEqualTo("image/jpeg");
        assertThat(mime("GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/gif");
        assertThat(mime("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/webp");
        assertThat(mime("ID3\4\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("audio/mpeg");
        assertThat(mime("OggS\0\2\0\0\0\0\0\0\0\0\1\u001EOpusHead".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("audio/ogg");
        assertThat(mime("\0\0\0\u0018ftypisom\0\0\2\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("video/mp4");
        assertThat(mime("\0\0\0\u0018ftypM4A \0\0\2\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("audio/mp4");
        assertThat(mime(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82, (byte) 0x84,
            'w', 'e', 'b', 'm'})).isEqualTo("video/webm");
        assertThat(mime(Samples.TEXT)).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void markupAndActiveContentAreRefused() throws IOException {
        assertThat(sniff(Samples.HTML, "image/png", "cat.png")).isInstanceOf(Sniffer.Sniffed.Refused.class);
        assertThat(sniff(Samples.SVG, null, null)).isInstanceOf(Sniffer.Sniffed.Refused.class);
        assertThat(sniff("\uFEFF  <p>hi</p>".getBytes(StandardCharsets.UTF_8), null, "a.txt"))
                .isInstanceOf(Sniffer.Sniffed.Refused.class);
        byte[] late = ("x".repeat(9000) + "<ScRiPt>alert(1)</script>").getBytes(StandardCharsets.UTF_8);
        assertThat(sniff(late, "text/plain", "notes.txt")).isInstanceOf(Sniffer.Sniffed.Refused.class);
        assertThat(sniff("alert(1)".getBytes(StandardCharsets.UTF_8), "application/javascript", null))
                .isInstanceOf(Sniffer.Sniffed.Refused.class);
        assertThat(sniff("alert(1)".getBytes(StandardCharsets.UTF_8), "text/plain", "app.mjs"))
                .isInstanceOf(Sniffer.Sniffed.Refused.class);
        assertThat(sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, null, null))
                .isInstanceOf(Sniffer.Sniffed.Refused.class);
        assertThat(sniff(new byte[] {'a', (byte) 0xC3}, null, null)).isInstanceOf(Sniffer.Sniffed.Refused.class);
    }
}
