package dev.parley.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    static boolean isPrivate(String literal) throws Exception {
        return AddressGuard.privateKind(InetAddress.getByName(literal)).isPresent();
    }

    @Test
    void everyNonPublicRangeIsRecognised() throws Exception {
        for (String address : new String[] {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe"}) {
            assertThat(isPrivate(address)).as(address).isTrue();
        }
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1",
            "2606:4700::1111", "64:ff9b::808:808"}) {
            assertThat(isPrivate(address)).as(address).isFalse();
        }
    }

    @Test
    void theSettingsDecideWhichPrivateHostsMayBeFetched() {
        AddressGuard strict = new AddressGuard(MediaSettings.defaults());
        assertThat(strict.refusal(URI.create("http://127.0.0.1:8080/x"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("loopback").contains("PARLEY_MEDIA_ALLOW_PRIVATE"));
        assertThat(strict.refusal(URI.create("http://[::1]/x"))).isPresent();
        assertThat(strict.refusal(URI.create("ftp://example.com/x"))).isPresent();
        AddressGuard listed = new AddressGuard(new MediaSettings(1, false, Set.of("127.0.0.1:8080", "[::1]")));
        assertThat(listed.refusal(URI.create("http://127.0.0.1:8080/x"))).isEmpty();
        assertThat(listed.refusal(URI.create("http://127.0.0.1:8081/x"))).isPresent();
        assertThat(listed.refusal(URI.create("http://[::1]:9/x"))).isEmpty();
        assertThat(new AddressGuard(new MediaSettings(1, true, Set.of()))
                .refusal(URI.create("http://10.0.0.1/x"))).isEmpty();
    }

    @Test
    void theEnvironmentSetsTheLimits() {
        assertThat(MediaSettings.fromEnv(Map.of())).isEqualTo(MediaSettings.defaults());
        assertThat(MediaSettings.fromEnv(Map.of("PARLEY_MEDIA_ALLOW_PRIVATE", "TRUE", "PARLEY_MEDIA_MAX_BYTES", "5")))
                .isEqualTo(new MediaSettings(5, true, Set.of()));
        assertThat(MediaSettings.fromEnv(Map.of("PARLEY_MEDIA_ALLOW_PRIVATE", "assets.internal, 10.0.0.5:8080"))
                .privateOrigins()).containsExactlyInAnyOrder("assets.internal", "10.0.0.5:8080");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MediaSettings.fromEnv(
                Map.of("PARLEY_MEDIA_ALLOW_PRIVATE", "http://x/"))).hasMessageContaining("host[:port]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MediaSettings.fromEnv(
                Map.of("PARLEY_MEDIA_MAX_BYTES", "10MB"))).hasMessageContaining("whole number");
    }
}
