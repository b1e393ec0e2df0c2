package com.marketbridge.application.service.scheduling;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.FulfilmentMetrics;
import com.marketbridge.application.port.out.LaneLeases;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.outcome.FailureReason;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Posts the results the marketplace did not get as an answer, and again with backoff while it is unavailable,
 * until a grace period after the event's deadline; a result still not taken then is parked for an operator. What is
 * posted is what the journal holds, once per event at a time. Results go out on threads of their own, so that they
 * do not wait behind events that wait for Webex (after a restart, every resumed first order may be polling a
 * provisioning customer). A result is posted only while this connector holds its event's lane: once another took it
 * over, that one posts it.
 */
final class ResultDelivery implements AutoCloseable {

    /** How long after its event's deadline a result is still offered to the marketplace. */
    static final Duration GRACE = Duration.ofHours(1);
    /** Posting a result is one short call; two keep one slow marketplace answer from holding up the others. */
    private static final int THREADS = 2;

    private static final Outcome TOOK_IT = new Outcome.Completed(null, "The marketplace took the result");

    private static final System.Logger LOG = System.getLogger("com.marketbridge.worker");

    private final MarketplaceResults results;
    private final EventJournal journal;
    private final Transitions transitions;
    private final LaneLeases leases;
    private final Consumer<String> settled;
    private final WorkerThreads threads;
    private final AsyncSettings settings;
    private final Clock clock;
    private final FulfilmentMetrics metrics;
    private final Set<EventToken> delivering = ConcurrentHashMap.newKeySet();

    /** {@code settled} hears of the lane of each result that stopped being posted: delivered, parked or handed over. */
    ResultDelivery(MarketplaceResults results, EventJournal journal, Transitions transitions, LaneLeases leases,
                   Consumer<String> settled, AsyncSettings settings, Clock clock, FulfilmentMetrics metrics) {
        this.results = results;
        this.journal = journal;
        this.transitions = transitions;
        this.leases = leases;
        this.settled = settled;
        this.threads = new WorkerThreads("marketbridge-result", THREADS, clock);
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Posts the finished event's result on a thread of the delivery, unless it is being posted already. */
    void deliver(JournalEntry finished) {
        if (delivering.add(finished.event().token())) {
            threads.execute(() -> deliverNow(finished, 1));
        }
    }

    private void deliverNow(JournalEntry finished, int attempt) {
        EventToken token = finished.event().token();
        Instant next = clock.instant().plus(settings.backoff(attempt));
        JournalEntry entry = finished;
        try {
            Optional<JournalEntry> owed = journal.find(token).filter(JournalEntry::needsWork);
            if (owed.isEmpty()) {
                settle(finished); // delivered or parked meanwhile
                return;
            }
            entry = owed.get();
            if (!entry.state().isFinished()) {
                // the journal failed and lost the outcome: the event runs again, and this posts its new one
                threads.schedule(next, () -> deliverNow(finished, attempt + 1));
                return;
            }
            if (!leases.holds(entry.lane())) {
                settle(finished); // the connector that took the lane over posts it
                return;
            }
            journal.makeDurable(); // the result must not announce changes a crash could still take back
            results.report(entry.eventUrl(), entry.outcome(), settings.resultAttemptBudget());
        } catch (UpstreamException e) {
            if (e.reason() == FailureReason.UPSTREAM_UNAVAILABLE && next.isBefore(entry.deadline().plus(GRACE))) {
                LOG.log(Level.WARNING, "event={0} result not delivered ({1}); retrying at {2}", token, e.getMessage(), next);
                metrics.resultDelivery(FulfilmentMetrics.ResultDelivery.RETRIED);
                try {
                    journal.addToTimeline(token, TimelineEntry.delivery(clock.instant(), entry.state(), e.toOutcome()));
                } catch (RuntimeException journalDown) {
                    LOG.log(Level.WARNING, "event={0}: the journal could not record the failed post ({1})", token,
                            journalDown.getMessage());
                } finally {
                    threads.schedule(next, () -> deliverNow(finished, attempt + 1));
                }
            } else {
                LOG.log(Level.ERROR, "event={0} result could not be delivered ({1}); parked for an operator", token, e.getMessage());
                metrics.resultDelivery(FulfilmentMetrics.ResultDelivery.PARKED);
                try {
                    JournalEntry parked = entry.parked(clock.instant());
                    transitions.record(parked, TimelineEntry.delivery(parked.updatedAt(), parked.state(), e.toOutcome()));
                } finally {
                    settle(finished);
                }
            }
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "event=" + token + " result not delivered: the journal failed; retrying at " + next, e);
            threads.schedule(next, () -> deliverNow(finished, attempt + 1));
            return;
        }
        LOG.log(Level.INFO, () -> "event=" + token + " result delivered");
        metrics.resultDelivery(FulfilmentMetrics.ResultDelivery.DELIVERED);
        try {
            JournalEntry delivered = entry.delivered(clock.instant());
            transitions.record(delivered, TimelineEntry.delivery(delivered.updatedAt(), delivered.state(), TOOK_IT));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "event=" + token + " result delivered, but the journal could not record it; "
                    + "it still owes it, so it is posted again after the journal's recovery or the next start", e);
        } finally {
            settle(finished);
        }
    }

    private void settle(JournalEntry finished) {
        delivering.remove(finished.event().token());
        settled.accept(finished.lane());
    }

    /** Lets the posts in flight finish, for a while; a result not delivered stays owed in the journal. */
    @Override
    public void close() {
        threads.close();
    }
}
