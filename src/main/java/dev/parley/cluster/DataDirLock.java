package dev.parley.cluster;

import dev.parley.store.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * SQLite serves one node: an exclusive lock on {@code parley.lock} in the data folder, held while Parley
 * runs, refuses a second process on the same database file before it touches it. The operating system
 * releases the lock when the process ends, however it ends.
 */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalArgumentException in one line when another Parley holds the data folder */
    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve("parley.lock");
        FileChannel channel = null;
        try {
            OwnerOnly.directories(dataDir);
            OwnerOnly.file(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DataDirLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this very process: a second server in one JVM on the same folder
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalArgumentException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw refused(dataDir);
    }

    private static IllegalArgumentException refused(Path dataDir) {
        return new IllegalArgumentException("another Parley is already running on the SQLite database in " + dataDir
                + " (SQLite serves one node; stop it first, or run several nodes on PostgreSQL)");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken; nothing is left to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot release the data folder lock", e);
        }
    }
}
