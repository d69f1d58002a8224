package dev.parley.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A customer's site on its own origin ({@code http://localhost:<port>}) that answers every path with one page.
 * It is a real loopback server: Chromium lets only pages served from loopback call Parley on loopback.
 */
final class ShopServer implements AutoCloseable {
    private final HttpServer server;

    private ShopServer(HttpServer server) {
        this.server = server;
    }

    static ShopServer serving(String html) {
        byte[] page = html.getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                }
            });
            server.start();
            return new ShopServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the shop's server", e);
        }
    }

    /** The page's address on another origin than Parley's. */
    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
