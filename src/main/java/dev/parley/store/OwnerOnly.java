package dev.parley.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders (0700) and files (0600) only the account running Parley may open: they hold contacts'
 * conversations and files. On file systems without POSIX permissions they are created as usual.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /** Creates {@code dir} and any missing parents, each readable by the owner alone; returns {@code dir}. */
    public static Path directories(Path dir) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(dir);
        }
        return Files.createDirectories(dir, attribute("rwx------"));
    }

    /** Creates {@code file} empty and readable by the owner alone, unless it exists. */
    public static void file(Path file) throws IOException {
        try {
            if (POSIX) {
                Files.createFile(file, attribute("rw-------"));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // a database or file from an earlier run keeps the permissions it has
        }
    }

    private static FileAttribute<?> attribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
