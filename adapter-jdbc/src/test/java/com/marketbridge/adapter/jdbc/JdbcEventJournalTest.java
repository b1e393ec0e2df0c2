package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.EventQueries;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class JdbcEventJournalTest extends EventJournalContract {

    @TempDir
    Path dataDir;

    private EmbeddedDatabase database;

    @Override
    protected EventJournal journal() {
        database = EmbeddedDatabase.open(JournalStorage.onDisk(dataDir));
        return new JdbcEventJournal(database, new SoleConnectorLeases());
    }

    @Override
    protected EventQueries queries() {
        return new JdbcEventQueries(database);
    }

    /** H2's SHUTDOWN IMMEDIATELY closes the files without writing anything out, as a kill -9 would. */
    @Override
    protected EventJournal afterCrash(EventJournal crashing) {
        database.use("crash", connection -> connection.createStatement().execute("SHUTDOWN IMMEDIATELY"));
        database.close();
        return journal();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
