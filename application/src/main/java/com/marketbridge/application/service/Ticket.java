package com.marketbridge.application.service;

import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.Optional;

/**
 * The hand-over between a notification waiting for its answer and the worker processing its event. Whoever
 * comes second decides: the worker's first outcome goes back as the answer if the notification still
 * waits; once the notification stopped waiting, the result must be posted.
 */
final class Ticket {

    /** For events resumed after a restart: nobody waits, every result is posted. */
    static final Ticket NOBODY_WAITS = new Ticket(true);

    private Outcome answer;
    private boolean abandoned;

    Ticket() {
        this(false);
    }

    private Ticket(boolean abandoned) {
        this.abandoned = abandoned;
    }

    /** Waits up to {@code budget} for the worker's first outcome; empty when it did not come in time. */
    synchronized Optional<Outcome> awaitAnswer(Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        for (long left = budget.toNanos(); answer == null && left > 0; left = deadline - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
        abandoned = answer == null;
        return Optional.ofNullable(answer);
    }

    /**
     * Offers the outcome of an attempt as the answer. True when the notification took it and it is final,
     * so the marketplace has the result; false when the result is still to be posted.
     */
    synchronized boolean offer(Outcome outcome) {
        if (abandoned || answer != null) {
            return false;
        }
        answer = outcome;
        notifyAll();
        return !(outcome instanceof Outcome.InProgress);
    }
}
