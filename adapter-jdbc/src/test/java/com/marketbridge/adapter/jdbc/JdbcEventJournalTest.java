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

    @AfterEach
    void closeJournal() {
        journal.close();
    }
}
