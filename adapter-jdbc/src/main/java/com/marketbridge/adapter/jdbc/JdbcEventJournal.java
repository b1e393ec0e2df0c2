package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.LeaseLostException;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The event journal: one row per event in the database the stores share, inserted once and then updated. */
final class JdbcEventJournal implements EventJournal {

    // Derived from the domain so that what "finished" means is decided in one place, EventState.
    private static final String FINISHED_STATES = Arrays.stream(EventState.values())
            .filter(EventState::isFinished)
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));

    private static final String INSERT = "INSERT INTO events (" + EventRows.COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PROMISE_RESULT = "UPDATE events SET asynchronous = TRUE WHERE token = ?"
            + " AND state NOT IN (" + FINISHED_STATES + ")";
    private static final String FIND = "SELECT " + EventRows.COLUMNS + " FROM events WHERE token = ?";
    // Mirrors JournalEntry.needsWork(); the contract test checks the two agree on every combination. PostgreSQL's
    // index events_needing_work has this condition word for word.
    private static final String NEEDS_WORK = "(state NOT IN (" + FINISHED_STATES + ")"
            + " OR (asynchronous AND NOT result_delivered AND state <> '" + EventState.PARKED.name() + "'))";
    private static final String NEEDING_WORK = "SELECT " + EventRows.COLUMNS + " FROM events WHERE " + NEEDS_WORK
            + " ORDER BY received_at, token";
    private static final String NEEDING_WORK_IN_LANE = "SELECT " + EventRows.COLUMNS + " FROM events WHERE lane = ?"
            + " AND " + NEEDS_WORK + " ORDER BY received_at, token";

    private final Database database;
    private final StoreLeases leases;
    private final String update;
    private final EventRows rows = new EventRows();

    JdbcEventJournal(Database database, StoreLeases leases) {
        this.database = database;
        this.leases = leases;
        this.update = "UPDATE events SET " + EventRows.PROGRESS + " WHERE token = ?" + leases.writeCondition();
    }

    @Override
    public boolean recordNew(JournalEntry entry) {
        return database.write("record event " + entry.event().token(), connection -> {
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
        });
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
        int updated = database.write("update event " + token, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                int next = EventRows.bindProgress(statement, 1, entry);
                statement.setString(next, token.value());
                leases.bindWriteCondition(statement, next + 1, entry.lane());
                return statement.executeUpdate();
            }
        });
        if (updated == 0) {
            if (find(token).isPresent()) {
                throw new LeaseLostException(entry.lane());
            }
            throw new IllegalArgumentException("event " + token + " is not journaled");
        }
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
