package dev.parley.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A file host on loopback, as a bot's CDN or a contact's link would be: serves files and redirects. */
final class FileServer implements AutoCloseable {
    private sealed interface Route {
        record File(byte[] body, String contentType) implements Route {}

        record Redirect(String location) implements Route {}
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    private FileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static FileServer start() {
        try {
            return new FileServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback file server", e);
        }
    }

    /** Serves {@code body} at {@code path}; returns its URL. */
    String serve(String path, byte[] body, String contentType) {
        routes.put(path, new Route.File(body, contentType));
        return url(path);
    }

    /** Answers {@code path} with a 302 to {@code location}; returns its URL. */
    String redirect(String path, String location) {
        routes.put(path, new Route.Redirect(location));
        return url(path);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Route route = routes.get(exchange.getRequestURI().getPath());
            switch (route) {
                case null -> exchange.sendResponseHeaders(404, -1);
                case Route.Redirect r -> {
                    exchange.getResponseHeaders().set("Location", r.location());
                    exchange.sendResponseHeaders(302, -1);
                }
                case Route.File f -> {
                    exchange.getResponseHeaders().set("Content-Type", f.contentType());
                    exchange.sendResponseHeaders(200, f.body().length);
                    exchange.getResponseBody().write(f.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
