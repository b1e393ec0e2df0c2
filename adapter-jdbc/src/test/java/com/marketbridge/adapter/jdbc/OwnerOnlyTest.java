package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal holds buyers' emails: its folder and files are the connector's user's alone. */
class OwnerOnlyTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewJournalFolderAndItsFiles_areReadableByTheConnectorsUserOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path folder = dataDir.resolve("data");

        JdbcStore.open(folder).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        for (String file : new String[] {EmbeddedDatabase.DATABASE_NAME + ".mv.db", EmbeddedDatabase.LOCK_FILE, JournalFile.MARKER}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file)))).as(file)
                    .isEqualTo("rw-------");
        }
    }
}
