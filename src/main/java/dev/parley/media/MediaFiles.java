package dev.parley.media;

import dev.parley.auth.Secrets;
import dev.parley.store.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The files under {@code <data-dir>/media}: each at {@code <first two characters of its id>/<id>},
 * written to {@code tmp/} first and moved into place once accepted, so a half-written file is never served.
 */
final class MediaFiles {
    private final Path root;

    MediaFiles(Path dataDir) {
        this.root = dataDir.resolve("media");
    }

    /** A new random id: 128 bits from a secure source, as 32 hex characters. */
    static String newId() {
        return Secrets.newToken().substring(0, 32);
    }

    Path newTemp() {
        try {
            Path tmp = OwnerOnly.directories(root.resolve("tmp"));
            // temporary files are created readable by the owner alone, and keep that when moved into place
            return Files.createTempFile(tmp, "in-", ".part");
        } catch (IOException e) {
            throw new MediaException("cannot create a file under " + root.resolve("tmp"), e);
        }
    }

    /** Copies {@code in} to {@code temp}; empty when it holds more than {@code limit} bytes. */
    OptionalLong copy(InputStream in, Path temp, long limit) {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (in; OutputStream out = Files.newOutputStream(temp)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > limit) {
                    return OptionalLong.empty();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MediaException("cannot store an upload in " + temp, e);
        }
        return OptionalLong.of(size);
    }

    /** Moves an accepted temporary file to its place. */
    void keep(Path temp, String id) {
        Path target = path(id);
        try {
            OwnerOnly.directories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MediaException("cannot move " + temp + " to " + target, e);
        }
    }

    Path path(String id) {
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

    void delete(String id) {
        discard(path(id));
    }

    void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new MediaException("cannot delete " + file, e);
        }
    }
}
