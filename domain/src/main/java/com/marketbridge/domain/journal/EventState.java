package com.marketbridge.domain.journal;

import com.marketbridge.domain.outcome.Outcome;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an event stands in the connector: received, being worked on, waiting (for Webex to provision the
 * customer, or for a user's consent), or done. Parked events have an outcome that could not be delivered
 * to the marketplace before the delivery deadline, and need an operator. Resolved events are failed or parked ones
 * an operator marked as handled: nothing more is done or posted for them.
 */
public enum EventState {
    /** Journaled, not yet worked on. */
    RECEIVED,
    /** An attempt is under way. */
    PROCESSING,
    /** Not finished: tried again at its next attempt time, until its deadline. */
    WAITING,
    /** Finished with success. */
    COMPLETED,
    /** Finished with a failure. */
    FAILED,
    /** Finished, but its result could not be delivered to the marketplace: an operator's turn. */
    PARKED,
    /** Failed or parked, and marked handled by an operator: final, nothing more is done or posted. */
    RESOLVED;

    private static final Map<EventState, Set<EventState>> NEXT = Map.of(
            RECEIVED, EnumSet.of(PROCESSING),
            // PROCESSING again: a restart resumes an attempt that a crash interrupted
            PROCESSING, EnumSet.of(PROCESSING, WAITING, COMPLETED, FAILED),
            WAITING, EnumSet.of(PROCESSING, FAILED),
            COMPLETED, EnumSet.of(PARKED),
            FAILED, EnumSet.of(PARKED, RESOLVED),
            // COMPLETED or FAILED again: an operator has the parked result posted once more
            PARKED, EnumSet.of(COMPLETED, FAILED, RESOLVED),
            RESOLVED, EnumSet.noneOf(EventState.class));

    /** Whether an entry in this state may move to {@code next}. */
    public boolean canMoveTo(EventState next) {
        return NEXT.get(this).contains(next);
    }

    /** The state of an event finished with {@code finalOutcome}: COMPLETED if it completed, else FAILED. */
    public static EventState finishedWith(Outcome finalOutcome) {
        return finalOutcome instanceof Outcome.Completed ? COMPLETED : FAILED;
    }

    /** The event's outcome is final (its result may still have to be delivered). */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == PARKED || this == RESOLVED;
    }

    /** A finished outcome that is still posted if owed: neither parked for an operator nor resolved by one. */
    public boolean postsResult() {
        return this == COMPLETED || this == FAILED;
    }
}
