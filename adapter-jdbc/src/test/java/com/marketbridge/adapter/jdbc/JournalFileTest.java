package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.WebexCustomer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal file that is empty, foreign or gone is never taken for a new journal: its owed work would be lost. */
class JournalFileTest {

    private static final WebexCustomer CUSTOMER = new WebexCustomer("wx-c1", "c1", "org-c1", CustomerStatus.PROVISIONED, List.of());

    @TempDir
    Path dataDir;

    private Path journalFile() {
        return dataDir.resolve(EmbeddedDatabase.DATABASE_NAME + ".mv.db");
    }

    @Test
    void anEmptyJournalFile_isRefusedNamingItAndLeftAsItIs() throws IOException {
        Files.write(journalFile(), new byte[0]);

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(dataDir))
                .withMessageContaining("the journal file " + journalFile() + " is empty")
                .withMessageContaining("restore it from a backup, or move it away");
        assertThat(Files.size(journalFile())).isZero();
    }

    @Test
    void aJournalFileThatIsNotAnH2Database_isRefused() throws IOException {
        Files.writeString(journalFile(), "<html>restored from the wrong place</html>");

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(dataDir))
                .withMessageContaining("the journal file " + journalFile() + " is not an H2 database");
    }

    @Test
    void aJournalFileMissingFromAFolderThatHadOne_isRefusedNamingTheMarker() throws IOException {
        JdbcStore.open(dataDir).close();
        Files.delete(journalFile());

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(dataDir))
                .withMessageContaining("the journal file " + journalFile() + " is missing")
                .withMessageContaining(dataDir.resolve(JournalFile.MARKER).toString());
        assertThat(journalFile()).doesNotExist();
    }

    @Test
    void aNewFolder_getsAJournalAndItsMarker_andOpensAgainWithWhatItHeld() {
        try (JdbcStore store = JdbcStore.open(dataDir)) {
            store.knownCustomers().remember(CUSTOMER);
        }

        assertThat(dataDir.resolve(JournalFile.MARKER)).exists();
        try (JdbcStore reopened = JdbcStore.open(dataDir)) {
            assertThat(reopened.knownCustomers().find("c1")).contains(CUSTOMER);
        }
    }

    @Test
    void aJournalFromBeforeTheMarker_opensAndIsMarked() throws IOException {
        JdbcStore.open(dataDir).close();
        Files.delete(dataDir.resolve(JournalFile.MARKER));

        JdbcStore.open(dataDir).close();

        assertThat(dataDir.resolve(JournalFile.MARKER)).exists();
    }
}
