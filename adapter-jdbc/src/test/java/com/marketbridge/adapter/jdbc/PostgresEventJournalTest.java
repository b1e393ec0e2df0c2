package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.port.out.LaneLeases;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import java.util.List;
import java.util.Optional;
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
    private record HoldingEveryLane(EventJournal journal, LaneLeases leases) implements EventJournal {

        @Override
        public boolean recordNew(JournalEntry entry) {
            return journal.recordNew(entry);
        }

        @Override
        public Optional<JournalEntry> find(EventToken token) {
            return journal.find(token);
        }

        @Override
        public void update(JournalEntry entry) {
            leases.take(entry.lane());
            journal.update(entry);
        }

        @Override
        public void update(JournalEntry entry, TimelineEntry happened) {
            leases.take(entry.lane());
            journal.update(entry, happened);
        }

        @Override
        public void addToTimeline(EventToken token, TimelineEntry happened) {
            journal.addToTimeline(token, happened);
        }

        @Override
        public boolean act(EventState expected, JournalEntry entry, TimelineEntry action) {
            return journal.act(expected, entry, action);
        }

        @Override
        public boolean promiseResult(EventToken token) {
            return journal.promiseResult(token);
        }

        @Override
        public List<JournalEntry> needingWork() {
            return journal.needingWork();
        }

        @Override
        public List<JournalEntry> needingWork(String lane) {
            return journal.needingWork(lane);
        }

        @Override
        public void makeDurable() {
            journal.makeDurable();
        }

        @Override
        public boolean isOpen() {
            return journal.isOpen();
        }
    }
}
