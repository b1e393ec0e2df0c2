package com.marketbridge.adapter.jdbc;

import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A timeline entry as a row of event_timeline, and back. Two entries every event has are read from its row of events
 * instead: its receipt (received_at), and the attempt that finished it (finished_at, with the event's outcome, which
 * no later change of the event replaces).
 */
final class TimelineRows {

    private static final String INSERT = "INSERT INTO event_timeline (token, happened_at, kind, state, outcome_kind,"
            + " outcome_reason, outcome_message, tracking_id, upstream_status, account_result, actor, action, note)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String OF_EVENT = "SELECT happened_at, kind, state, outcome_kind, outcome_reason,"
            + " outcome_message, tracking_id, upstream_status, account_result, actor, action, note FROM event_timeline"
            + " WHERE token = ? ORDER BY id";

    private TimelineRows() {
    }

    static void insert(Connection connection, EventToken token, TimelineEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, token.value());
            insert.setObject(2, EventRows.timestamp(entry.at()));
            insert.setString(3, entry.kind().name());
            insert.setString(4, entry.state().name());
            int i = EventRows.bindOutcome(insert, 5, entry.outcome());
            insert.setString(i++, entry.actor());
            insert.setString(i++, entry.action() == null ? null : entry.action().name());
            insert.setString(i, entry.note());
            insert.executeUpdate();
        }
    }

    /** Whether the entry is the attempt that finished the event, which its row of events keeps. */
    static boolean isKeptInTheEventsRow(JournalEntry after, TimelineEntry happened) {
        return happened.kind() == TimelineEntry.Kind.ATTEMPT && after.state().isFinished()
                && happened.equals(TimelineEntry.attempt(after));
    }

    /**
     * The event's timeline, oldest first: its receipt, its rows of event_timeline, and the attempt that finished it
     * ({@code finishedAt}, null if none did) among them: after the attempts that made it wait and the retries an
     * operator asked for, before its result's posts and the other actions, which come after it finished.
     */
    static List<TimelineEntry> of(Connection connection, JournalEntry event, Instant finishedAt) throws SQLException {
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(TimelineEntry.received(event));
        try (PreparedStatement select = connection.prepareStatement(OF_EVENT)) {
            select.setString(1, event.event().token().value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String action = row.getString("action");
                    timeline.add(new TimelineEntry(EventRows.instant(row, "happened_at"),
                            TimelineEntry.Kind.valueOf(row.getString("kind")), EventState.valueOf(row.getString("state")),
                            EventRows.readOutcome(row), row.getString("actor"),
                            action == null ? null : TimelineEntry.Action.valueOf(action), row.getString("note")));
                }
            }
        }
        if (finishedAt != null) {
            int at = 1;
            while (at < timeline.size() && (timeline.get(at).kind() == TimelineEntry.Kind.ATTEMPT
                    || timeline.get(at).action() == TimelineEntry.Action.RETRY)) {
                at++;
            }
            timeline.add(at, new TimelineEntry(finishedAt, TimelineEntry.Kind.ATTEMPT,
                    EventState.finishedWith(event.outcome()), event.outcome(), null, null, null));
        }
        return timeline;
    }
}
