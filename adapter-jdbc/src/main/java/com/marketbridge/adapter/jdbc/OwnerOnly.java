package com.marketbridge.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the journal to the connector's user: it holds buyers' emails. Where the file system has no POSIX
 * permissions (Windows), the folder's own access list decides.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the folder, and any missing parent, for the connector's user only; an existing one is left as it is. */
    static void createFolder(Path folder) {
        try {
            if (isPosix()) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal folder " + folder, e);
        }
    }

    /** Makes the files, those that exist, readable and writable by the connector's user only. */
    static void restrict(Path... files) {
        if (!isPosix()) {
            return;
        }
        for (Path file : files) {
            try {
                if (Files.exists(file)) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restrict the permissions of " + file, e);
            }
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
