package dev.parley.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Refuses to start on a port another process listens on, before the database is opened: a second
 * server must not apply its workspace to the live database of the first one and then fail.
 */
final class PortCheck {
    private PortCheck() {
    }

    /** @throws IllegalArgumentException naming the port when it is taken */
    static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new IllegalArgumentException("port " + port + " is already in use (is Parley running already?"
                    + " stop it first, or start on another port with --port)");
        }
    }
}
