package com.marketbridge.application.service.scheduling;

import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.Optional;

/**
 * The hand-over between a notification waiting for its answer and the worker processing its event. Whoever
 * comes second decides: the worker's first outcome goes back as the answer if the notification still
 * waits; once the notification stopped waiting, the result must be posted.
 */
public final class Ticket {

    /** For events resumed after a restart: nobody waits, every result is posted. */
    static final Ticket NOBODY_WAITS = new Ticket(true);

    private Outcome answer;
    private boolean abandoned;
    private boolean claimed;

    Ticket() {
        this(false);
    }

    private Ticket(boolean abandoned) {
        this.abandoned = abandoned;
    }

    /**
     * Waits up to {@code budget} for the worker's first outcome; empty when it did not come in time. Once the
     * worker {@link #claim() claimed} the answer, waits for it past the budget: it is being journaled.
     */
    public synchronized Optional<Outcome> awaitAnswer(Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        for (long left = budget.toNanos(); answer == null && (claimed || left > 0); left = deadline - System.nanoTime()) {
            wait(claimed ? 0 : Math.max(1, left / 1_000_000));
        }
        abandoned = answer == null;
        return Optional.ofNullable(answer);
    }

    /** Answers "still being worked on" if the notification still waits; the result will be posted. */
    synchronized void offerProgress(Outcome.InProgress progress) {
        if (!abandoned && answer == null) {
            answer = progress;
            notifyAll();
        }
    }

    /**
     * Claims the notification for a final outcome: true when it still waits, and it then waits for
     * {@link #answer}, which the caller must give whatever happens; false when the result must be posted.
     */
    synchronized boolean claim() {
        if (abandoned || answer != null) {
            return false;
        }
        claimed = true;
        return true;
    }

    /** Hands the final outcome to the notification that {@link #claim()} reserved. */
    synchronized void answer(Outcome outcome) {
        answer = outcome;
        notifyAll();
    }
}
