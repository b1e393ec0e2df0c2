package com.marketbridge.adapter.jdbc;

import com.marketbridge.domain.event.AccountEvent;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.SubscriptionAccount;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** A journal entry as a row of the events table, and back: the one place that knows the columns. */
final class EventRows {

    static final String COLUMNS = "token, event_url, type, flag, lane, company_uuid, account_identifier, "
            + "subscriber_email, state, attempts, next_attempt_at, received_at, deadline, updated_at, asynchronous, "
            + "result_delivered, outcome_kind, outcome_reason, outcome_message, tracking_id, upstream_status, account_result, "
            + "event_json";
    // a result promised meanwhile (EventJournal.promiseResult) stays promised, and undelivered unless the write posted it
    static final String PROGRESS = "state = ?, attempts = ?, next_attempt_at = ?, updated_at = ?,"
            + " asynchronous = (asynchronous OR ?), result_delivered = (? AND (? OR NOT asynchronous)),"
            + " outcome_kind = ?, outcome_reason = ?, outcome_message = ?, tracking_id = ?, upstream_status = ?,"
            + " account_result = ?";

    private final EventCodec codec = new EventCodec();

    /** Binds every column of {@link #COLUMNS} but the token, in their order, from {@code first}; returns the next index. */
    int bindEntry(PreparedStatement statement, int first, JournalEntry entry) throws SQLException {
        MarketplaceEvent event = entry.event();
        int i = first;
        statement.setString(i++, entry.eventUrl().toString());
        statement.setString(i++, event.type());
        statement.setString(i++, event.flag().name());
        statement.setString(i++, entry.lane());
        statement.setString(i++, event instanceof SubscriptionOrdered order ? order.company().uuid() : null);
        statement.setString(i++, event instanceof AccountEvent account ? account.accountIdentifier() : null);
        statement.setString(i++, subscriberEmail(event).orElse(null));
        statement.setString(i++, entry.state().name());
        statement.setInt(i++, entry.attempts());
        statement.setObject(i++, timestamp(entry.nextAttemptAt()));
        statement.setObject(i++, timestamp(entry.receivedAt()));
        statement.setObject(i++, timestamp(entry.deadline()));
        statement.setObject(i++, timestamp(entry.updatedAt()));
        statement.setBoolean(i++, entry.asynchronous());
        statement.setBoolean(i++, entry.resultDelivered());
        i = bindOutcome(statement, i, entry.outcome());
        statement.setString(i++, codec.encode(event));
        return i;
    }

    /**
     * Binds what changes as an event progresses, in {@link #PROGRESS}'s order, from {@code first}; returns the next
     * index. An event, its URL, lane and deadline never change: an update writes only its progress.
     */
    static int bindProgress(PreparedStatement statement, int first, JournalEntry entry) throws SQLException {
        int i = first;
        statement.setString(i++, entry.state().name());
        statement.setInt(i++, entry.attempts());
        statement.setObject(i++, timestamp(entry.nextAttemptAt()));
        statement.setObject(i++, timestamp(entry.updatedAt()));
        statement.setBoolean(i++, entry.asynchronous());
        statement.setBoolean(i++, entry.resultDelivered());
        statement.setBoolean(i++, entry.asynchronous());
        return bindOutcome(statement, i, entry.outcome());
    }

    /**
     * Binds an outcome's columns (outcome_kind, outcome_reason, outcome_message, tracking_id, upstream_status,
     * account_result), the same in events and event_timeline, from {@code first}; returns the next index.
     */
    static int bindOutcome(PreparedStatement statement, int first, Outcome outcome) throws SQLException {
        int i = first;
        Outcome.Failed failed = outcome instanceof Outcome.Failed failure ? failure : null;
        statement.setString(i++, outcomeKind(outcome));
        statement.setString(i++, failed == null ? null : failed.reason().name());
        statement.setString(i++, outcome == null ? null : outcome.message());
        statement.setString(i++, failed == null ? null : failed.trackingId());
        statement.setObject(i++, failed == null ? null : failed.upstreamStatus(), Types.INTEGER);
        statement.setString(i++, outcome instanceof Outcome.Completed completed ? completed.accountIdentifier() : null);
        return i;
    }

    /** For operators: whose subscription the event is about, read the way the services read it. */
    private static Optional<String> subscriberEmail(MarketplaceEvent event) {
        if (event instanceof SubscriptionOrdered order) {
            return Optional.of(order.creator().email());
        }
        if (!(event instanceof AccountEvent account)) {
            return Optional.empty();
        }
        Optional<MarketplaceUser> fallback = Optional.empty();
        if (account instanceof SubscriptionChanged changed) {
            fallback = changed.optionalCreator();
        } else if (account instanceof SubscriptionCancelled cancelled) {
            fallback = cancelled.optionalCreator();
        } else if (account instanceof UserAssigned assigned) {
            fallback = Optional.of(assigned.user());
        } else if (account instanceof UserUnassigned unassigned) {
            fallback = Optional.of(unassigned.user());
        } else if (account instanceof UserUpdated updated) {
            fallback = Optional.of(updated.user());
        }
        return SubscriptionAccount.parse(account.accountIdentifier(), fallback.map(MarketplaceUser::email))
                .map(SubscriptionAccount::subscriberEmail);
    }

    private static String outcomeKind(Outcome outcome) {
        if (outcome instanceof Outcome.Completed) {
            return "COMPLETED";
        }
        if (outcome instanceof Outcome.Failed) {
            return "FAILED";
        }
        return outcome instanceof Outcome.InProgress ? "IN_PROGRESS" : null;
    }

    JournalEntry readEntry(ResultSet row) throws SQLException {
        return new JournalEntry(new EventUrl(URI.create(row.getString("event_url"))), codec.decode(row.getString("event_json")),
                row.getString("lane"), EventState.valueOf(row.getString("state")), row.getInt("attempts"),
                instant(row, "next_attempt_at"), readOutcome(row), row.getBoolean("asynchronous"),
                row.getBoolean("result_delivered"), instant(row, "received_at"), instant(row, "deadline"),
                instant(row, "updated_at"));
    }

    /** The outcome in a row's outcome columns (see {@link #bindOutcome}), or null. */
    static Outcome readOutcome(ResultSet row) throws SQLException {
        String kind = row.getString("outcome_kind");
        if (kind == null) {
            return null;
        }
        String message = row.getString("outcome_message");
        return switch (kind) {
            case "COMPLETED" -> new Outcome.Completed(row.getString("account_result"), message);
            case "FAILED" -> new Outcome.Failed(FailureReason.valueOf(row.getString("outcome_reason")), message,
                    row.getString("tracking_id"), row.getObject("upstream_status", Integer.class));
            case "IN_PROGRESS" -> new Outcome.InProgress(message);
            default -> throw new IllegalStateException("unknown outcome kind '" + kind + "'");
        };
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
