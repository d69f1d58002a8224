package dev.parley.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    static final List<String> PNG = List.of("png");

    @Test
    void namesLoseTheirPathsControlCharactersAndLeadingDots() {
        assertThat(FileNames.sanitize(Optional.of("../../etc/passwd.png"), PNG, "image")).isEqualTo("passwd.png");
        assertThat(FileNames.sanitize(Optional.of("C:\\Users\\me\\cat.png"), PNG, "image")).isEqualTo("cat.png");
        assertThat(FileNames.sanitize(Optional.of("a\u0000b\u202Ec\r\n.png"), PNG, "image")).isEqualTo("abc.png");
        assertThat(FileNames.sanitize(Optional.of("..."), PNG, "image")).isEqualTo("image.png");
        assertThat(FileNames.sanitize(Optional.of(".htaccess"), PNG, "image")).isEqualTo("htaccess.png");
        assertThat(FileNames.sanitize(Optional.empty(), PNG, "image")).isEqualTo("image.png");
    }

    @Test
    void theExtensionFitsTheSniffedType() {
        assertThat(FileNames.sanitize(Optional.of("Cat.PNG"), PNG, "image")).isEqualTo("Cat.PNG");
        assertThat(FileNames.sanitize(Optional.of("cat.html"), PNG, "image")).isEqualTo("cat.html.png");
    }

    @Test
    void longNamesAreCutTo255CharactersKeepingTheExtension() {
        String name = FileNames.sanitize(Optional.of("ü".repeat(400) + ".png"), PNG, "image");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(255);
        assertThat(name).endsWith("ü.png");
        String noExtension = FileNames.sanitize(Optional.of("x".repeat(300)), PNG, "image");
        assertThat(noExtension).hasSize(255).endsWith("x.png");
    }

    @Test
    void headersCarryAnAsciiFallbackAndTheExactName() {
        assertThat(FileNames.disposition(false, "Rechnung \"März\".pdf")).isEqualTo(
                "attachment; filename=\"Rechnung _M_rz_.pdf\"; filename*=UTF-8''Rechnung%20%22M%C3%A4rz%22.pdf");
        assertThat(FileNames.encode("a b+c*.png")).isEqualTo("a%20b%2Bc%2A.png");
    }
}
