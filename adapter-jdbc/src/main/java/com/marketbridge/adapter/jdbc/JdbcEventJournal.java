package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.EventJournal;
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
    private static final String UPDATE = "UPDATE events SET " + EventRows.PROGRESS + " WHERE token = ?";
    private static final String FIND = "SELECT " + EventRows.COLUMNS + " FROM events WHERE token = ?";
    // Mirrors JournalEntry.needsWork(); the contract test checks the two agree on every combination.
    private static final String NEEDING_WORK = "SELECT " + EventRows.COLUMNS + " FROM events"
            + " WHERE state NOT IN (" + FINISHED_STATES + ")"
            + " OR (asynchronous AND NOT result_delivered AND state <> '" + EventState.PARKED.name() + "')"
            + " ORDER BY received_at, token";

    private final Database database;
    private final EventRows rows = new EventRows();

    JdbcEventJournal(Database database) {
        this.database = database;
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
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                int next = EventRows.bindProgress(update, 1, entry);
                update.setString(next, token.value());
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException("event " + token + " is not journaled");
        }
    }

    @Override
    public List<JournalEntry> needingWork() {
        return database.use("list the events needing work", connection -> {
            List<JournalEntry> work = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(NEEDING_WORK);
                 ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    work.add(rows.readEntry(found));
                }
            }
            return work;
        });
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
