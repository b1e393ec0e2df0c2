package com.marketbridge.domain.journal;

import com.marketbridge.domain.outcome.Outcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One thing that happened to an event, as the journal keeps it for operators: its receipt, the end of an attempt,
 * a delivery of its result to the marketplace, or an operator's action. Entries are only ever added.
 *
 * @param state   the event's state after it
 * @param outcome what the attempt or the delivery ended with (a delivery that failed: why, and the upstream's HTTP
 *                status); null for a receipt and an operator's action
 * @param actor   who acted, for an operator's action only
 * @param action  what the operator asked for, for an operator's action only
 * @param note    the operator's note, if any
 */
public record TimelineEntry(Instant at, Kind kind, EventState state, Outcome outcome, String actor, Action action,
                            String note) {

    /** What happened. */
    public enum Kind { RECEIVED, ATTEMPT, RESULT_DELIVERY, OPERATOR_ACTION }

    /** What an operator may ask for. */
    public enum Action {
        /** Attempt a waiting event now, not at its next backoff. */
        RETRY,
        /** Post a parked event's result to the marketplace again. */
        REDELIVER,
        /** Mark a failed or parked event as handled. */
        RESOLVE
    }

    public TimelineEntry {
        Objects.requireNonNull(at, "'at' must not be null");
        Objects.requireNonNull(kind, "'kind' must not be null");
        Objects.requireNonNull(state, "'state' must not be null");
        at = at.truncatedTo(ChronoUnit.MICROS); // as JournalEntry's times, so that every store reads it back equal
        if ((kind == Kind.OPERATOR_ACTION) != (actor != null && action != null)) {
            throw new IllegalArgumentException("an operator's action, and only that, names its actor and action");
        }
    }

    /** The event was journaled: the first entry of every event's timeline. */
    public static TimelineEntry received(JournalEntry event) {
        return new TimelineEntry(event.receivedAt(), Kind.RECEIVED, EventState.RECEIVED, null, null, null, null);
    }

    /** An attempt ended, leaving the event as {@code after} (waiting, completed or failed, with its outcome). */
    public static TimelineEntry attempt(JournalEntry after) {
        return new TimelineEntry(after.updatedAt(), Kind.ATTEMPT, after.state(), after.outcome(), null, null, null);
    }

    /**
     * A post of the result ended at {@code at}, leaving the event in state {@code after}: {@code outcome} is completed
     * when the marketplace took it, failed with why when it did not.
     */
    public static TimelineEntry delivery(Instant at, EventState after, Outcome outcome) {
        return new TimelineEntry(at, Kind.RESULT_DELIVERY, after, outcome, null, null, null);
    }

    /** An operator acted on the event, leaving it as {@code after}. */
    public static TimelineEntry operatorAction(JournalEntry after, String actor, Action action, String note) {
        return new TimelineEntry(after.updatedAt(), Kind.OPERATOR_ACTION, after.state(), null,
                Objects.requireNonNull(actor, "'actor' must not be null"), Objects.requireNonNull(action, "'action' must not be null"),
                note);
    }
}
