package com.marketbridge.adapter.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the journal lives: its folder (DATA_DIR), on one of H2's file systems. The connector keeps it on the disk
 * ({@link #onDisk}); H2 offers others by scheme (its own, or one registered with {@code org.h2.store.fs.FilePath}).
 */
public record JournalStorage(Path folder, String fileSystem) implements StoreSettings {

    public JournalStorage {
        Objects.requireNonNull(folder, "'folder' must not be null");
        Objects.requireNonNull(fileSystem, "'fileSystem' must not be null");
        folder = folder.toAbsolutePath().normalize();
    }

    public static JournalStorage onDisk(Path folder) {
        return new JournalStorage(folder, "file");
    }

    /** H2's URL of the database of that name in the folder. */
    String url(String databaseName) {
        return "jdbc:h2:" + fileSystem + ":" + folder.resolve(databaseName);
    }
}
