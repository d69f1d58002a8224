package dev.parley.limit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key a client address is limited under: an IPv4 address as it is, an IPv6 address by its /64
 * network — one subscriber usually holds a whole /64 and could otherwise take a fresh address per request.
 */
public final class ClientAddress {
    private ClientAddress() {}

    public static String key(String ip) {
        if (ip.indexOf(':') < 0) {
            return ip;
        }
        try {
            // a literal (the connection's address), so no name is looked up
            InetAddress address = InetAddress.getByName(ip);
            if (address instanceof Inet6Address) {
                byte[] network = new byte[8];
                System.arraycopy(address.getAddress(), 0, network, 0, 8);
                return HexFormat.of().formatHex(network) + "::/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
