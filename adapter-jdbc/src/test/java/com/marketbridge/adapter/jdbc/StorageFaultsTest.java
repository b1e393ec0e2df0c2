package com.marketbridge.adapter.jdbc;

import static com.marketbridge.application.port.EventJournalContract.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marketbridge.application.port.out.JournalUnavailableException;
import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.JournalEntry;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on a disk that fails as real ones do ({@link FaultyDisk}): it says so at once, refuses work naming the
 * problem, comes back by itself once the disk takes writes again, and refuses to start on storage it cannot write.
 */
class StorageFaultsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");
    private static final WebexCustomer CUSTOMER = new WebexCustomer("wx-c1", "c1", "org-c1", CustomerStatus.PROVISIONED, List.of());

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;
    private JdbcEventJournal journal;

    @AfterEach
    void repair() {
        FaultyDisk.repair();
        if (database != null) {
            database.close();
        }
    }

    private void open() {
        database = EmbeddedDatabase.open(FaultyDisk.storage(dataDir));
        journal = new JdbcEventJournal(database);
    }

    private KnownCustomers customers() {
        return new JdbcKnownCustomers(database);
    }

    private Path journalFile() {
        return dataDir.resolve(EmbeddedDatabase.DATABASE_NAME + ".mv.db");
    }

    /** An answer waits for makeDurable: what it tells must survive a power loss, not only the connector's crash. */
    @Test
    void aWriteOut_forcesTheJournalToTheDevice() {
        open();
        journal.recordNew(received("t-1", T0));
        long before = FaultyDisk.forces();

        journal.makeDurable();

        assertThat(FaultyDisk.forces()).isGreaterThan(before);
    }

    @Test
    void aWriteOutOnAFullDisk_takesTheJournalDownAtOnce_andItRefusesWorkNamingTheProblem() {
        open();
        journal.recordNew(received("t-1", T0));
        FaultyDisk.fill();

        assertThatThrownBy(journal::makeDurable).isInstanceOf(JournalUnavailableException.class)
                .hasMessage("No space left on device");

        assertThat(journal.isOpen()).isFalse();
        assertThatThrownBy(() -> journal.find(new EventToken("t-1"))).isInstanceOf(JournalUnavailableException.class)
                .hasMessage("No space left on device");
        assertThatThrownBy(() -> new JdbcSubscriptions(database).find("c1:bob@contoso.test"))
                .isInstanceOf(JournalUnavailableException.class);
    }

    @Test
    void onceTheDiskTakesWritesAgain_theJournalReopensByItself_keepsWhatWasWrittenOut_andRunsWhatWaitsForIt()
            throws Exception {
        open();
        CountDownLatch recovered = new CountDownLatch(1);
        database.onRecovery(recovered::countDown);
        JournalEntry writtenOut = received("t-before", T0);
        journal.recordNew(writtenOut);
        journal.makeDurable();
        FaultyDisk.fill();
        journal.recordNew(received("t-lost", T0.plusSeconds(1)));
        assertThatThrownBy(journal::makeDurable).isInstanceOf(JournalUnavailableException.class);

        FaultyDisk.free();

        assertThat(recovered.await(20, TimeUnit.SECONDS)).as("recovered").isTrue();
        assertThat(journal.isOpen()).isTrue();
        // what was written out is there; what H2 held in memory went with the database it closed
        assertThat(journal.needingWork()).containsExactly(writtenOut);
        customers().remember(CUSTOMER);
        journal.makeDurable();
        assertThat(customers().find("c1")).contains(CUSTOMER);
    }

    @Test
    void whileTheDiskStaysFull_reopeningFails_andTheJournalStaysDown() {
        open();
        FaultyDisk.fill();
        customers().remember(CUSTOMER);
        assertThatThrownBy(journal::makeDurable).isInstanceOf(JournalUnavailableException.class);

        assertThat(database.reopen()).isFalse();

        assertThat(journal.isOpen()).isFalse();
        assertThatThrownBy(() -> customers().find("c1")).isInstanceOf(JournalUnavailableException.class)
                .hasMessage("No space left on device");
        FaultyDisk.free();
        assertThat(database.reopen()).isTrue();
        assertThat(journal.isOpen()).isTrue();
    }

    @Test
    void aStatementTheDatabaseRefusesForItsText_isADefect_andLeavesTheJournalUp() {
        open();

        assertThatIllegalStateException()
                .isThrownBy(() -> database.use("read nonsense", connection -> connection.createStatement()
                        .executeQuery("SELECT nonsense FROM nowhere")))
                .withMessageContaining("could not read nonsense");

        assertThat(journal.isOpen()).isTrue();
    }

    @Test
    void aJournalFileTheConnectorMayNotWrite_isRefusedAtOpenNamingIt() {
        JdbcStore.open(FaultyDisk.storage(dataDir)).close();
        FaultyDisk.protectFiles();

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(FaultyDisk.storage(dataDir)))
                .withMessageContaining("the journal file " + journalFile() + " is read-only for the connector")
                .withMessageContaining("give the connector's user write access to it");
    }

    @Test
    void aFullDisk_stopsTheOpenOfANewJournal_andOfAnExistingOne_namingDataDirAndTheProblem() {
        Path fresh = dataDir.resolve("fresh");
        JdbcStore.open(FaultyDisk.storage(dataDir)).close();
        FaultyDisk.fill();

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(FaultyDisk.storage(fresh)))
                .withMessage("cannot open the journal in DATA_DIR " + fresh + ": No space left on device");
        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(FaultyDisk.storage(dataDir)))
                .withMessage("cannot open the journal in DATA_DIR " + dataDir + ": No space left on device");
    }

    @Test
    void aDataDirTheConnectorMayNotWriteIn_isRefusedNamingIt() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(dataDir), "the system lets this user write anyway (root)");

            assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(dataDir))
                    .withMessage("cannot write in DATA_DIR " + dataDir + ": permission denied: "
                            + dataDir.resolve(EmbeddedDatabase.LOCK_FILE));
        } finally {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDataDirThatCannotBeAFolder_isRefusedNamingIt() throws IOException {
        Path file = Files.writeString(dataDir.resolve("a-file"), "not a folder");
        Path folder = file.resolve("data");

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(folder))
                .withMessageStartingWith("cannot write in DATA_DIR " + folder + ": ")
                .withMessageContaining(file.toString());
    }
}
