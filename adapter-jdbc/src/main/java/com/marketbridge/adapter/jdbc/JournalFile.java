package com.marketbridge.adapter.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The journal's database file, checked before H2 opens it: H2 takes a missing or empty file for a new, empty
 * database, and a journal lost that way would silently drop every owed result, known customer and subscription.
 * A marker written beside the first journal of a folder tells "no journal yet" from "journal lost".
 */
final class JournalFile {

    /** The start of every H2 MVStore file. */
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    static final String MARKER = "marketbridge.journal-created";

    private final Path database;
    private final Path marker;

    JournalFile(Path folder, String databaseName) {
        this.database = folder.resolve(databaseName + ".mv.db");
        this.marker = folder.resolve(MARKER);
    }

    /** Refuses a journal that is empty, not an H2 database, or missing where the folder had one. */
    void check() {
        if (Files.exists(database)) {
            if (!startsWithH2Header()) {
                throw new IllegalStateException("the journal file " + database + " is " + (isEmpty() ? "empty" : "not an H2 database")
                        + ": restore it from a backup, or move it away to start with an empty journal");
            }
        } else if (Files.exists(marker)) {
            throw new IllegalStateException("the journal file " + database + " is missing, though " + marker
                    + " says this folder had one: restore it from a backup, or delete the marker to start with an empty journal");
        }
    }

    /** Refuses a journal H2 opened read-only, as it silently does a file it may not write: every write would fail. */
    void checkWritable(Connection connection) throws SQLException {
        if (connection.isReadOnly()) {
            throw new IllegalStateException("the journal file " + database + " is read-only for the connector: "
                    + "give the connector's user write access to it");
        }
    }

    /** Marks the folder as having a journal, once it was opened (a journal from before the marker gets one too). */
    void markCreated() {
        if (Files.exists(marker)) {
            return;
        }
        try {
            Files.writeString(marker, "The event journal of this folder was first opened at " + Instant.now() + ".\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    private boolean startsWithH2Header() {
        try (InputStream in = Files.newInputStream(database)) {
            return Arrays.equals(in.readNBytes(H2_HEADER.length), H2_HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal file " + database, e);
        }
    }

    private boolean isEmpty() {
        try {
            return Files.size(database) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal file " + database, e);
        }
    }
}
