package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.LeaseLostException;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.event.SubscriptionOrdered;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The event journal: one row per event in the database the stores share, inserted once and then updated, with the
 * rows of its timeline added in the transaction of the update they describe, and the name of each order's company.
 */
final class JdbcEventJournal implements EventJournal {

    // Derived from the domain so that what "finished" means is decided in one place, EventState.
    private static final String FINISHED_STATES = Arrays.stream(EventState.values())
            .filter(EventState::isFinished)
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));
    private static final String POSTING_STATES = Arrays.stream(EventState.values())
            .filter(EventState::postsResult)
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));

    private static final String INSERT = "INSERT INTO events (" + EventRows.COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PROMISE_RESULT = "UPDATE events SET asynchronous = TRUE WHERE token = ?"
            + " AND state NOT IN (" + FINISHED_STATES + ")";
    private static final String ACT = "UPDATE events SET " + EventRows.PROGRESS + " WHERE token = ? AND state = ?";
    private static final String FIND = "SELECT " + EventRows.COLUMNS + " FROM events WHERE token = ?";
    // Mirrors JournalEntry.needsWork(); the contract test checks the two agree on every combination. PostgreSQL's
    // index events_needing_work has this condition word for word.
    private static final String NEEDS_WORK = "(state NOT IN (" + FINISHED_STATES + ")"
            + " OR (asynchronous AND NOT result_delivered AND state IN (" + POSTING_STATES + ")))";
    private static final String NEEDING_WORK = "SELECT " + EventRows.COLUMNS + " FROM events WHERE " + NEEDS_WORK
            + " ORDER BY received_at, token";
    private static final String NEEDING_WORK_IN_LANE = "SELECT " + EventRows.COLUMNS + " FROM events WHERE lane = ?"
            + " AND " + NEEDS_WORK + " ORDER BY received_at, token";

    private final Database database;
    private final StoreLeases leases;
    private final String update;
    private final String saveCompany;
    private final EventRows rows = new EventRows();

    JdbcEventJournal(Database database, StoreLeases leases) {
        this.database = database;
        this.leases = leases;
        // an operator's resolution is final: a worker's write that comes after it changes nothing
        this.update = "UPDATE events SET " + EventRows.PROGRESS + ", finished_at = COALESCE(?, finished_at)"
                + " WHERE token = ? AND state <> '" + EventState.RESOLVED.name() + "'" + leases.writeCondition();
        this.saveCompany = database.upsert("companies", "uuid", "uuid", "name");
    }

    @Override
    public boolean recordNew(JournalEntry entry) {
        if (!(entry.event() instanceof SubscriptionOrdered order)) {
            return database.write("record event " + entry.event().token(), connection -> insert(connection, entry));
        }
        return database.write("record event " + entry.event().token(), Database.transaction(connection -> {
            if (!insert(connection, entry)) {
                return false;
            }
            try (PreparedStatement company = connection.prepareStatement(saveCompany)) {
                company.setString(1, order.company().uuid());
                company.setString(2, order.company().name());
                company.executeUpdate();
            }
            return true;
        }));
    }

    private boolean insert(Connection connection, JournalEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, entry.event().token().value());
            rows.bindEntry(insert, 2, entry);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // the primary key decides, so two concurrent receipts of one event cannot both win
            if (SqlProblems.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<JournalEntry> find(EventToken token) {
        return database.use("find event " + token, connection -> {
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, token.value());
                try (ResultSet row = find.executeQuery()) {
                    return row.next() ? Optional.of(rows.readEntry(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void update(JournalEntry entry) {
        EventToken token = entry.event().token();
        refusedUnless(entry, database.write("update event " + token, connection -> write(connection, entry, null)));
    }

    /**
     * The attempt that finishes an event, what every event has, adds no row: its entry is the event's row, its time
     * kept as finished_at (see {@link TimelineRows#of}). So a journaled event costs no statement more than before it
     * had a timeline unless it waits, has its result posted or an operator acts on it.
     */
    @Override
    public void update(JournalEntry entry, TimelineEntry happened) {
        EventToken token = entry.event().token();
        if (TimelineRows.isKeptInTheEventsRow(entry, happened)) {
            refusedUnless(entry, database.write("update event " + token, connection -> write(connection, entry, happened.at())));
            return;
        }
        refusedUnless(entry, database.write("update event " + token, Database.transaction(connection -> {
            int updated = write(connection, entry, null);
            if (updated == 1) {
                TimelineRows.insert(connection, token, happened);
            }
            return updated;
        })));
    }

    private int write(Connection connection, JournalEntry entry, Instant finishedAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            int next = EventRows.bindProgress(statement, 1, entry);
            statement.setObject(next, finishedAt == null ? null : EventRows.timestamp(finishedAt), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setString(next + 1, entry.event().token().value());
            leases.bindWriteCondition(statement, next + 2, entry.lane());
            return statement.executeUpdate();
        }
    }

    /** An update that changed no row: the lane was lost, or the event is not journaled; unless an operator resolved it. */
    private void refusedUnless(JournalEntry entry, int updated) {
        if (updated == 1) {
            return;
        }
        Optional<JournalEntry> current = find(entry.event().token());
        if (current.isEmpty()) {
            throw new IllegalArgumentException("event " + entry.event().token() + " is not journaled");
        }
        if (current.get().state() != EventState.RESOLVED) {
            throw new LeaseLostException(entry.lane());
        }
    }

    @Override
    public void addToTimeline(EventToken token, TimelineEntry happened) {
        database.write("add to the timeline of event " + token, connection -> {
            TimelineRows.insert(connection, token, happened);
            return null;
        });
    }

    /** Not fenced: an operator acts through any connector; the expected state decides. */
    @Override
    public boolean act(EventState expected, JournalEntry entry, TimelineEntry action) {
        EventToken token = entry.event().token();
        return database.write("record an operator's action on event " + token, Database.transaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ACT)) {
                int next = EventRows.bindProgress(statement, 1, entry);
                statement.setString(next, token.value());
                statement.setString(next + 1, expected.name());
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            TimelineRows.insert(connection, token, action);
            return true;
        }));
    }

    /** Not fenced: any connector may promise the result; the write that finishes the event keeps the promise. */
    @Override
    public boolean promiseResult(EventToken token) {
        return database.write("promise the result of event " + token, connection -> {
            try (PreparedStatement promise = connection.prepareStatement(PROMISE_RESULT)) {
                promise.setString(1, token.value());
                return promise.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<JournalEntry> needingWork() {
        return database.use("list the events needing work", connection -> {
            try (PreparedStatement select = connection.prepareStatement(NEEDING_WORK)) {
                return read(select);
            }
        });
    }

    @Override
    public List<JournalEntry> needingWork(String lane) {
        return database.use("list the events of lane " + lane + " needing work", connection -> {
            try (PreparedStatement select = connection.prepareStatement(NEEDING_WORK_IN_LANE)) {
                select.setString(1, lane);
                return read(select);
            }
        });
    }

    private List<JournalEntry> read(PreparedStatement select) throws SQLException {
        List<JournalEntry> work = new ArrayList<>();
        try (ResultSet found = select.executeQuery()) {
            while (found.next()) {
                work.add(rows.readEntry(found));
            }
        }
        return work;
    }

    @Override
    public void makeDurable() {
        database.makeDurable();
    }

    /** Whether the journal takes writes: open, and not down after a failure. */
    @Override
    public boolean isOpen() {
        return database.isOpen();
    }
}
