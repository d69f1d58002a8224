package dev.parley.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps downloads away from the installation's own network: every address a host resolves to must
 * be public unless the settings allow that host. Media downloads and every redirect of the flow
 * actions {@code http} and {@code remote} pass through it. The JVM caches the lookup (30 s by default), so the
 * HTTP client connects to an address checked here.
 */
public final class AddressGuard {
    private final MediaSettings settings;

    public AddressGuard(MediaSettings settings) {
        this.settings = settings;
    }

    /** Why {@code uri} may not be fetched, if it may not; completes "could not fetch …: ". */
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("only absolute http and https URLs can be fetched");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (settings.allowsPrivate(uri.getHost(), port)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + uri.getHost() + " is not known");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = privateKind(address);
            if (kind.isPresent()) {
                return Optional.of(uri.getHost() + " resolves to " + address.getHostAddress() + ", " + kind.get()
                        + "; fetching from private-network addresses is not allowed"
                        + " (PARLEY_MEDIA_ALLOW_PRIVATE)");
            }
        }
        return Optional.empty();
    }

    /** What kind of non-public address this is, if it is one. */
    static Optional<String> privateKind(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local address (this includes cloud metadata services)");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("a site-local (private) address");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0) {
                return Optional.of("an address of 0.0.0.0/8 (this host)");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
            }
            if (first == 198 && (second == 18 || second == 19) || first >= 240) {
                return Optional.of("a reserved address");
            }
            return Optional.empty();
        }
        if (a instanceof Inet6Address v6) {
            if ((b[0] & 0xFE) == 0xFC) {
                return Optional.of("a unique-local IPv6 address (fc00::/7)");
            }
            if (v6.isIPv4CompatibleAddress() || isNat64(b)) {
                try {
                    return privateKind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return Optional.of("an IPv6 address embedding an invalid IPv4 address");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isNat64(byte[] b) {
        return (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && java.util.Arrays.equals(b, 4, 12, new byte[8], 0, 8);
    }
}
