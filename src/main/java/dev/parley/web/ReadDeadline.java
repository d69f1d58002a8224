package dev.parley.web;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses to read a request body longer than {@code limit} after the request began. The connector's
 * idle timeout closes a connection on which nothing arrives; this catches the one whose body keeps
 * arriving a byte at a time, which would otherwise hold a thread and a connection for ever.
 */
final class ReadDeadline extends Handler.Wrapper {
    private final Duration limit;

    ReadDeadline(Duration limit) {
        this.limit = limit;
    }

    /** The body was still arriving at the deadline; {@code ErrorMapping} answers 408. */
    static final class Expired extends IOException {
        Expired(Duration limit) {
            super("the request body did not arrive within " + limit.toSeconds() + " s of the request");
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long deadline = request.getBeginNanoTime() + limit.toNanos();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                if (System.nanoTime() - deadline > 0) {
                    return Content.Chunk.from(new Expired(limit), true);
                }
                return super.read();
            }
        }, response, callback);
    }
}
