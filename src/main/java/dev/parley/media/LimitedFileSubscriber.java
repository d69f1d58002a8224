package dev.parley.media;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Writes a response body to a file, and gives up as soon as it grows past a limit. Completes with the size. */
final class LimitedFileSubscriber implements HttpResponse.BodySubscriber<Long> {

    /** The body is larger than the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the file is larger than " + Limits.describe(limit));
        }
    }

    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private final Path file;
    private final long limit;
    private final long declaredLength;
    private FileChannel channel;
    private Flow.Subscription subscription;
    private long size;

    LimitedFileSubscriber(Path file, long limit, long declaredLength) {
        this.file = file;
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredLength > limit) {
            fail(new TooLarge(limit));
            return;
        }
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            fail(e);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        try {
            for (ByteBuffer item : items) {
                size += item.remaining();
                if (size > limit) {
                    fail(new TooLarge(limit));
                    return;
                }
                while (item.hasRemaining()) {
                    channel.write(item);
                }
            }
        } catch (IOException e) {
            fail(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        close();
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        close();
        result.complete(size);
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    private void fail(IOException e) {
        subscription.cancel();
        close();
        result.completeExceptionally(e);
    }

    private void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the result already says how the body ended; a failed close changes nothing for it
            }
        }
    }
}
