package com.marketbridge.domain.journal;

import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the connector durably knows about one event: the event itself, its state, its attempts and when to
 * try next, its outcome once final, and whether that outcome reached the marketplace. Transitions return
 * a new entry and refuse moves the {@link EventState} machine forbids.
 *
 * @param lane        the key of the queue the event is processed in, in arrival order: its company
 * @param outcome     the final outcome, or while waiting the last in-progress or transient one; null before
 * @param asynchronous the marketplace was told "accepted" and expects the result to be posted
 * @param resultDelivered the outcome reached the marketplace (as the answer or as a posted result)
 * Its times are kept to the microsecond, the finest every journal store keeps (PostgreSQL's), so an entry reads
 * back from any store equal to what was written. Everything but the outcome is required; attempts are not negative, a
 * finished entry has an outcome, and the event's token is its URL's. A transition the {@link EventState} machine
 * forbids throws {@link IllegalStateException}.
 */
public record JournalEntry(EventUrl eventUrl, MarketplaceEvent event, String lane, EventState state, int attempts,
                           Instant nextAttemptAt, Outcome outcome, boolean asynchronous, boolean resultDelivered,
                           Instant receivedAt, Instant deadline, Instant updatedAt) {

    public JournalEntry {
        Objects.requireNonNull(eventUrl, "'eventUrl' must not be null");
        Objects.requireNonNull(event, "'event' must not be null");
        Objects.requireNonNull(lane, "'lane' must not be null");
        Objects.requireNonNull(state, "'state' must not be null");
        Objects.requireNonNull(nextAttemptAt, "'nextAttemptAt' must not be null");
        Objects.requireNonNull(receivedAt, "'receivedAt' must not be null");
        Objects.requireNonNull(deadline, "'deadline' must not be null");
        Objects.requireNonNull(updatedAt, "'updatedAt' must not be null");
        nextAttemptAt = nextAttemptAt.truncatedTo(ChronoUnit.MICROS);
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        deadline = deadline.truncatedTo(ChronoUnit.MICROS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
        if (attempts < 0) {
            throw new IllegalArgumentException("'attempts' must not be negative");
        }
        if (state.isFinished() && outcome == null) {
            throw new IllegalArgumentException("a " + state + " event has an outcome");
        }
        if (!eventUrl.token().equals(event.token())) {
            throw new IllegalArgumentException("the event's token differs from its URL's");
        }
    }

    /** A newly received event, to be worked on at once and finished before {@code deadline}. */
    public static JournalEntry received(EventUrl eventUrl, MarketplaceEvent event, String lane, Instant now, Instant deadline) {
        return new JournalEntry(eventUrl, event, lane, EventState.RECEIVED, 0, now, null, false, false, now, deadline, now);
    }

    /** The next attempt starts now. */
    public JournalEntry processing(Instant now) {
        return move(EventState.PROCESSING, attempts + 1, now, outcome, now);
    }

    /** Not done yet: try again at {@code nextAttempt}; {@code progress} says what it waits for. */
    public JournalEntry waiting(Outcome progress, Instant nextAttempt, Instant now) {
        return move(EventState.WAITING, attempts, nextAttempt, progress, now);
    }

    /** Final: completed or failed by the outcome's kind. */
    public JournalEntry finished(Outcome finalOutcome, Instant now) {
        return move(EventState.finishedWith(finalOutcome), attempts, now, finalOutcome, now);
    }

    /** Gave up delivering the outcome, which is kept for the operator. */
    public JournalEntry parked(Instant now) {
        return move(EventState.PARKED, attempts, now, outcome, now);
    }

    /** An operator marked the failed or parked event as handled: nothing more is done or posted for it. */
    public JournalEntry resolved(Instant now) {
        return move(EventState.RESOLVED, attempts, now, outcome, now);
    }

    /** An operator has the parked result posted again: it is owed to the marketplace once more. */
    public JournalEntry redelivering(Instant now) {
        JournalEntry moved = move(EventState.finishedWith(outcome), attempts, nextAttemptAt, outcome, now);
        return new JournalEntry(eventUrl, event, lane, moved.state, attempts, nextAttemptAt, outcome, true, false,
                receivedAt, deadline, now);
    }

    /** An operator has the waiting event attempted now rather than at its next backoff. */
    public JournalEntry dueNow(Instant now) {
        if (state != EventState.WAITING) {
            throw new IllegalStateException("event " + event.token() + " is " + state + ", not WAITING");
        }
        return new JournalEntry(eventUrl, event, lane, state, attempts, now, outcome, asynchronous, resultDelivered,
                receivedAt, deadline, now);
    }

    /** The marketplace was answered "accepted"; the result will be posted. */
    public JournalEntry answeredAsynchronously(Instant now) {
        return new JournalEntry(eventUrl, event, lane, state, attempts, nextAttemptAt, outcome, true, resultDelivered,
                receivedAt, deadline, now);
    }

    /** The outcome reached the marketplace. */
    public JournalEntry delivered(Instant now) {
        return new JournalEntry(eventUrl, event, lane, state, attempts, nextAttemptAt, outcome, asynchronous, true,
                receivedAt, deadline, now);
    }

    /** Still to do after a restart: unfinished work, or a finished result owed to the marketplace. */
    public boolean needsWork() {
        return !state.isFinished() || (asynchronous && !resultDelivered && state.postsResult());
    }

    private JournalEntry move(EventState next, int newAttempts, Instant nextAttempt, Outcome newOutcome, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("event " + event.token() + " cannot move from " + state + " to " + next);
        }
        return new JournalEntry(eventUrl, event, lane, next, newAttempts, nextAttempt, newOutcome, asynchronous,
                resultDelivered, receivedAt, deadline, now);
    }
}
