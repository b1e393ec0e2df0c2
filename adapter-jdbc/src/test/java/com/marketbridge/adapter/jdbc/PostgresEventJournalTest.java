package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.application.port.out.EventJournal;
import org.junit.jupiter.api.AfterEach;

/** The journal's contract on a real PostgreSQL server. */
class PostgresEventJournalTest extends EventJournalContract {

    private PostgresSettings settings;
    private JdbcStore store;

    @Override
    protected EventJournal journal() {
        settings = TestPostgres.newDatabase();
        store = JdbcStore.open(settings);
        return store.journal();
    }

    /** Every commit is durable when it returns: another connector on the same database finds them all. */
    @Override
    protected EventJournal afterCrash(EventJournal crashing) {
        store.close();
        store = JdbcStore.open(settings);
        return store.journal();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
