package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.fake.ForwardingEventJournal;
import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.port.out.LaneLeases;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import org.junit.jupiter.api.AfterEach;

/**
 * The journal's contract on a real PostgreSQL server, for a connector that holds the lane of every event it writes:
 * a store shared by several connectors takes an event's update only from the holder of its lane.
 */
class PostgresEventJournalTest extends EventJournalContract {

    private PostgresSettings settings;
    private JdbcStore store;

    @Override
    protected EventJournal journal() {
        settings = TestPostgres.newDatabase();
        store = JdbcStore.open(settings);
        return new HoldingEveryLane(store.journal(), store.leases());
    }

    @Override
    protected EventQueries queries() {
        return store.queries();
    }

    /** Every commit is durable when it returns: another connector on the same database finds them all. */
    @Override
    protected EventJournal afterCrash(EventJournal crashing) {
        store.close();
        store = JdbcStore.open(settings);
        return new HoldingEveryLane(store.journal(), store.leases());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The journal of a connector that takes the lane of each event it updates, as the worker does first. */
    private static final class HoldingEveryLane extends ForwardingEventJournal {

        private final LaneLeases leases;

        HoldingEveryLane(EventJournal journal, LaneLeases leases) {
            super(journal);
            this.leases = leases;
        }

        @Override
        public void update(JournalEntry entry) {
            leases.take(entry.lane());
            super.update(entry);
        }

        @Override
        public void update(JournalEntry entry, TimelineEntry happened) {
            leases.take(entry.lane());
            super.update(entry, happened);
        }
    }
}
