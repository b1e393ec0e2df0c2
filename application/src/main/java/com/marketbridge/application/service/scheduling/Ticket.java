package com.marketbridge.application.service.scheduling;

import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.Optional;

/**
 * The hand-over between the deliveries of one event waiting for their answer and the worker processing it. Any
 * number of deliveries wait, each within its own budget, for the same answer: the final outcome if the worker
 * has it in time, else the first "still being worked on" it offered. A delivery answered "accepted" (it was handed
 * progress, or its budget ran out) is owed the result, which is then posted even if another delivery got the
 * final outcome as its answer.
 */
public final class Ticket {

    private Outcome.InProgress progress;
    private Outcome outcome;
    private boolean claimed;
    private boolean resultOwed;
    private RuntimeException refusal;

    Ticket() {
    }

    /** For an event resumed after a restart: a delivery before the restart may have been answered "accepted". */
    static Ticket owingResult() {
        Ticket ticket = new Ticket();
        ticket.resultOwed = true;
        return ticket;
    }

    /**
     * Waits up to {@code budget} for the final outcome; returns it, or the first progress, or empty when neither
     * came in time. Once the worker {@link #claim() claimed} the final outcome, waits for it past the budget: it
     * is being journaled. Anything but the final outcome means the caller answers "accepted", so the result is owed.
     *
     * @throws RuntimeException why the event could not be journaled, if it could not: nothing is done for it
     */
    public synchronized Optional<Outcome> awaitAnswer(Duration budget) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        for (long left = budget.toNanos(); outcome == null && refusal == null && (claimed || progress == null && left > 0);
                left = deadline - System.nanoTime()) {
            try {
                wait(claimed ? 0 : Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                resultOwed = true; // the caller answers "accepted"
                throw e;
            }
        }
        if (refusal != null) {
            throw refusal;
        }
        resultOwed |= outcome == null;
        return Optional.ofNullable(outcome != null ? outcome : progress);
    }

    /** The event could not be journaled, so nothing is done for it: every delivery, waiting or to come, is told why. */
    synchronized void refuse(RuntimeException why) {
        refusal = why;
        notifyAll();
    }

    /** "Still being worked on": the first is the answer of every delivery waiting now or coming before the final outcome. */
    synchronized void offerProgress(Outcome.InProgress offered) {
        if (progress == null) {
            progress = offered;
            notifyAll();
        }
    }

    /**
     * Claims the deliveries for the final outcome: from now on every delivery, waiting or still to come, waits for
     * {@link #answer}, which the caller must give whatever happens. Returns whether the result is owed as well.
     */
    synchronized boolean claim() {
        claimed = true;
        return resultOwed;
    }

    /**
     * Takes the claim back: the final outcome could not be journaled, so it is not told. The deliveries waiting for
     * it answer "accepted" once their budget is spent (the result is then owed), and the next attempt claims again.
     */
    synchronized void release() {
        claimed = false;
        notifyAll();
    }

    /** Hands the final outcome to every delivery, those waiting and those still to come. */
    synchronized void answer(Outcome finalOutcome) {
        outcome = finalOutcome;
        notifyAll();
    }
}
