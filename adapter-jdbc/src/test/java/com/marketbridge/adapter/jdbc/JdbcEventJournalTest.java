package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.application.port.out.EventJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class JdbcEventJournalTest extends EventJournalContract {

    @TempDir
    Path dataDir;

    private JdbcEventJournal journal;

    @Override
    protected EventJournal journal() {
        journal = JdbcEventJournal.open(dataDir);
        return journal;
    }

    /** H2's SHUTDOWN IMMEDIATELY closes the files without writing anything out, as a kill -9 would. */
    @Override
    protected EventJournal afterCrash(EventJournal crashing) {
        journal.inLock("crash", connection -> connection.createStatement().execute("SHUTDOWN IMMEDIATELY"));
        journal.close();
        journal = JdbcEventJournal.open(dataDir);
        return journal;
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }
}
