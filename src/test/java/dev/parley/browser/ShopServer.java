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

    /** The shop's account page: its back end signed the logged-in user's id and put both in the page. */
    static String accountPage(String parleyUrl, String externalId, String signature) {
        return """
                <!doctype html><html><head><title>Your account</title></head><body><h1>Your account</h1>
                <script>
                  window.parley = window.parley || function () { (parley.q = parley.q || []).push(arguments); };
                  parley('identify', { external_id: '%s', signature: '%s' });
                </script>
                <script src="%s/widget.js" data-parley-widget="web" async></script>
                </body></html>""".formatted(externalId, signature, parleyUrl);
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
