package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' reading of the journal. A listing walks the index events_by_arrival from the newest event (or from
 * the cursor) and stops after a page, so its cost grows with the page and with how rare the filtered events are, not
 * with the journal; the overview counts the journal's events by state in one pass.
 */
final class JdbcEventQueries implements EventQueries {

    private static final String SELECT = "SELECT " + prefixed(EventRows.COLUMNS) + ", c.name AS company_name"
            + " FROM events e LEFT JOIN companies c ON c.uuid = e.lane";
    private static final String BY_TOKEN = "SELECT " + prefixed(EventRows.COLUMNS) + ", c.name AS company_name,"
            + " e.finished_at FROM events e LEFT JOIN companies c ON c.uuid = e.lane WHERE e.token = ?";
    private static final String BY_STATE_AND_REASON = "SELECT state, outcome_reason, COUNT(*) FROM events"
            + " GROUP BY state, outcome_reason";
    private static final String FINISHED_SINCE = "SELECT state, COUNT(*) FROM events WHERE received_at >= ?"
            + " AND state IN ('" + EventState.COMPLETED.name() + "', '" + EventState.FAILED.name() + "') GROUP BY state";
    private static final String OLDEST_WAITING = "SELECT token, received_at FROM events WHERE state = '"
            + EventState.WAITING.name() + "' ORDER BY received_at, token LIMIT 1";

    private final Database database;
    private final EventRows rows = new EventRows();

    JdbcEventQueries(Database database) {
        this.database = database;
    }

    @Override
    public Page events(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (filter.state() != null) {
            sql.append(" AND e.state = ?");
            parameters.add(filter.state().name());
        }
        if (filter.type() != null) {
            sql.append(" AND e.type = ?");
            parameters.add(filter.type());
        }
        if (filter.company() != null) {
            sql.append(" AND (e.lane = ? OR LOWER(c.name) LIKE ?" + Like.ESCAPE + ")");
            parameters.add(filter.company());
            parameters.add(Like.containing(filter.company()));
        }
        if (filter.since() != null) {
            sql.append(" AND e.received_at >= ?");
            parameters.add(EventRows.timestamp(filter.since()));
        }
        if (filter.until() != null) {
            sql.append(" AND e.received_at < ?");
            parameters.add(EventRows.timestamp(filter.until()));
        }
        if (filter.after() != null) {
            sql.append(" AND (e.received_at < ? OR e.received_at = ? AND e.token < ?)");
            parameters.add(EventRows.timestamp(filter.after().receivedAt()));
            parameters.add(EventRows.timestamp(filter.after().receivedAt()));
            parameters.add(filter.after().token());
        }
        sql.append(" ORDER BY e.received_at DESC, e.token DESC LIMIT ?");
        parameters.add(filter.limit() + 1); // one more, to know whether a next page exists
        return database.use("list events", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<Summary> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(summary(row));
                    }
                }
                if (found.size() <= filter.limit()) {
                    return new Page(found, Optional.empty());
                }
                List<Summary> page = found.subList(0, filter.limit());
                return new Page(page, Optional.of(Cursor.after(page.get(page.size() - 1).entry())));
            }
        });
    }

    @Override
    public Optional<History> history(EventToken token) {
        return database.use("read the timeline of event " + token, connection -> {
            Summary event;
            Instant finishedAt;
            try (PreparedStatement select = connection.prepareStatement(BY_TOKEN)) {
                select.setString(1, token.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    event = summary(row);
                    finishedAt = row.getObject("finished_at") == null ? null : EventRows.instant(row, "finished_at");
                }
            }
            return Optional.of(new History(event, TimelineRows.of(connection, event.entry(), finishedAt)));
        });
    }

    @Override
    public Overview overview(Instant now) {
        return database.use("count the events", connection -> {
            Map<EventState, Long> states = new EnumMap<>(EventState.class);
            Map<FailureReason, Long> reasons = new EnumMap<>(FailureReason.class);
            for (EventState state : EventState.values()) {
                states.put(state, 0L);
            }
            try (PreparedStatement count = connection.prepareStatement(BY_STATE_AND_REASON);
                 ResultSet row = count.executeQuery()) {
                while (row.next()) {
                    EventState state = EventState.valueOf(row.getString(1));
                    states.merge(state, row.getLong(3), Long::sum);
                    if (state == EventState.FAILED && row.getString(2) != null) {
                        reasons.put(FailureReason.valueOf(row.getString(2)), row.getLong(3));
                    }
                }
            }
            Map<EventState, Long> lastDay = finishedSince(connection, now.minus(Duration.ofHours(24)));
            return new Overview(states, lastDay.getOrDefault(EventState.COMPLETED, 0L),
                    lastDay.getOrDefault(EventState.FAILED, 0L), oldestWaiting(connection), reasons);
        });
    }

    private static Map<EventState, Long> finishedSince(Connection connection, Instant since) throws SQLException {
        Map<EventState, Long> counts = new EnumMap<>(EventState.class);
        try (PreparedStatement count = connection.prepareStatement(FINISHED_SINCE)) {
            count.setObject(1, EventRows.timestamp(since));
            try (ResultSet row = count.executeQuery()) {
                while (row.next()) {
                    counts.put(EventState.valueOf(row.getString(1)), row.getLong(2));
                }
            }
        }
        return counts;
    }

    private static Optional<Oldest> oldestWaiting(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OLDEST_WAITING);
             ResultSet row = select.executeQuery()) {
            return row.next()
                    ? Optional.of(new Oldest(new EventToken(row.getString(1)), EventRows.instant(row, "received_at")))
                    : Optional.empty();
        }
    }

    private Summary summary(ResultSet row) throws SQLException {
        JournalEntry entry = rows.readEntry(row);
        // an unsupported event's lane is its own token: it names no company
        CompanyRef company = entry.event() instanceof UnsupportedEvent ? null
                : new CompanyRef(entry.lane(), row.getString("company_name"));
        return new Summary(entry, company);
    }

    private static String prefixed(String columns) {
        return "e." + columns.replace(", ", ", e.");
    }
}
