package com.marketbridge.application.service.scheduling;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.FulfilmentMetrics;
import com.marketbridge.application.port.out.JournalUnavailableException;
import com.marketbridge.application.port.out.LaneLeases;
import com.marketbridge.application.port.out.LeaseLostException;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.application.service.fulfilment.Fulfilment;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Works on journaled events in the background, on a bounded pool: one lane per company, in arrival order
 * ({@link CompanyLane}), where events run side by side as {@link SideBySide} allows. An event that waits (for
 * Webex to provision, or after a transient failure) is retried with backoff until its deadline, and keeps its
 * place meanwhile. Every delivery of an event in flight waits on its one {@link Ticket} ({@link EventsInFlight}).
 * Results owed to a delivery answered "accepted" go to {@link ResultDelivery}. Every state change is written to
 * the journal first, so a restart resumes it all.
 *
 * <p>Connectors sharing the store share the lanes through {@link LaneLeases}: a connector works on a lane only while
 * it holds its lease, taking up every event of the lane the journal holds, those other connectors received included,
 * and lets it go only once the journal holds nothing more for it. An event received where another connector holds
 * its lane is answered "accepted" and left to that one, which finds it in the journal and posts its result. A lane
 * whose lease ran out or was taken over is left at once, and a scan every half term takes over the lanes whose
 * work nobody holds, those of a connector that stopped included.
 */
public final class FulfilmentWorker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("com.marketbridge.worker");

    private final Fulfilment fulfilment;
    private final EventJournal journal;
    private final LaneLeases leases;
    private final Transitions transitions;
    private final ResultDelivery delivery;
    private final EventsInFlight inFlight;
    private final WorkerThreads threads;
    private final AsyncSettings settings;
    private final Clock clock;
    private final FulfilmentMetrics metrics;
    /** The lanes worked on here; guards them, their tasks' flags and the taking and letting go of their leases. */
    private final Map<String, CompanyLane<Task>> lanes = new HashMap<>();
    private volatile boolean sound = true;
    /** How often the journal was resumed: an attempt that saw it resumed runs again. */
    private final AtomicLong resumes = new AtomicLong();

    /** A worker that reports no metrics. */
    public FulfilmentWorker(Fulfilment fulfilment, EventJournal journal, LaneLeases leases, MarketplaceResults results,
                            AsyncSettings settings, Clock clock) {
        this(fulfilment, journal, leases, results, settings, clock, FulfilmentMetrics.NONE);
    }

    /** A worker that reports its retries, the events it finishes and its result posts to {@code metrics}. */
    public FulfilmentWorker(Fulfilment fulfilment, EventJournal journal, LaneLeases leases, MarketplaceResults results,
                            AsyncSettings settings, Clock clock, FulfilmentMetrics metrics) {
        this.fulfilment = fulfilment;
        this.journal = journal;
        this.leases = leases;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.transitions = new Transitions(journal);
        this.threads = new WorkerThreads("marketbridge-worker", settings.workers(), clock);
        this.delivery = new ResultDelivery(results, journal, transitions, leases, this::settled, settings, clock, metrics);
        this.inFlight = new EventsInFlight(journal);
        if (leases.shared()) {
            threads.repeat(leases.term().dividedBy(2), this::takeOver);
        }
    }

    /**
     * Takes up what the journal says is unfinished or undelivered and nobody works on: everything after a restart;
     * after the journal came back from a failure, what the failed database took back (an outcome, a delivery) from
     * events the worker had done with. An attempt under way meanwhile runs again: its writes from before the failure
     * may be gone.
     */
    public void resumeJournal() {
        resumes.incrementAndGet();
        Set<String> claimed = new HashSet<>();
        for (JournalEntry entry : journal.needingWork()) {
            if (leases.shared() && !isWorkedOnHere(entry.lane())) {
                if (claimed.add(entry.lane())) {
                    claim(entry.lane()); // all of the lane's work, unless another connector holds it
                }
            } else if (entry.state().isFinished()) {
                delivery.deliver(entry); // unless it is being delivered
            } else {
                Ticket ticket = Ticket.owingResult();
                if (inFlight.resume(entry.event().token(), ticket)) { // else it is in its lane already
                    LOG.log(Level.INFO, "event={0} resumed in state {1}", entry.event().token(), entry.state());
                    enqueue(entry, ticket);
                }
            }
        }
    }

    /**
     * False once an attempt ran into the JVM's own trouble (out of memory, a stack overflow): the worker goes on, but
     * the process may no longer be sound, so readiness says so until a restart.
     */
    public boolean isSound() {
        return sound;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether other connectors share the store, and so may be working on an event this one is not. */
    public boolean sharesWork() {
        return leases.shared();
    }

    /**
     * Journals the new event and queues it in its company's lane; returns the ticket its deliveries wait on, the
     * one already in flight if another delivery of the event came first, or empty once the event is finished.
     *
     * @throws JournalUnavailableException the journal could not record the event: nothing is done for it
     */
    public Optional<Ticket> admit(JournalEntry entry) {
        Ticket fresh = new Ticket();
        Optional<Ticket> ticket = inFlight.admit(entry, fresh);
        if (ticket.orElse(null) == fresh) { // this delivery journaled the event
            writtenOut(entry, fresh);
            enqueue(entry, fresh);
        }
        return ticket;
    }

    /**
     * Nothing is done at Webex for an event before its record is on disk: a journal that fails to write it out loses
     * it, and work done for it would then be done for an event nobody knows of.
     */
    private void writtenOut(JournalEntry entry, Ticket fresh) {
        try {
            journal.makeDurable();
        } catch (RuntimeException e) {
            inFlight.finished(entry.event().token());
            fresh.refuse(e);
            throw e;
        }
    }

    /** The ticket of the journaled event while it is being worked on. */
    public Optional<Ticket> inFlight(EventToken token) {
        return inFlight.find(token);
    }

    private void enqueue(JournalEntry entry, Ticket ticket) {
        Task task = new Task(entry, ticket);
        if (leases.shared()) {
            enqueueShared(task);
            return;
        }
        boolean alone = SideBySide.runsAlone(fulfilment.knowsCustomerOf(entry.lane()));
        List<Task> start;
        synchronized (lanes) {
            CompanyLane<Task> lane = lanes.computeIfAbsent(entry.lane(), key -> new CompanyLane<>());
            lane.add(task, SideBySide.subscriptionOf(entry.event()), alone);
            start = lane.startable();
        }
        start.forEach(this::submit);
    }

    /**
     * Queues the event with the lane's work the journal holds that nobody works on here, in arrival order, if this
     * connector holds the lane or can take it; else, or if another connector finished the event meanwhile, hands it
     * over. If the journal cannot be read, hands it over too: it is taken up once the journal is back.
     */
    private void enqueueShared(Task task) {
        String key = task.entry.lane();
        List<Task> start = List.of();
        boolean queued = false;
        synchronized (lanes) {
            try {
                if (lanes.containsKey(key) || leases.take(key)) {
                    CompanyLane<Task> lane = lanes.computeIfAbsent(key, absent -> new CompanyLane<>());
                    queued = queue(key, lane, journal.needingWork(key), task);
                    start = lane.startable();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "event={0} not queued: the journal failed ({1}); it is taken up once it is back",
                        task.entry.event().token(), e.getMessage());
            } finally {
                if (lanes.containsKey(key) && lanes.get(key).isEmpty()) {
                    lanes.remove(key);
                }
            }
        }
        if (!queued) {
            handOver(task);
        }
        start.forEach(this::submit);
    }

    /**
     * Under the lanes' lock: queues the journal's unfinished {@code work} of the lane that is not in flight here, in
     * arrival order, with {@code admitted} (may be null) in its place among it, and hands its finished results still
     * owed to the delivery. Returns whether {@code admitted} was queued: not if the journal says it needs no work.
     */
    private boolean queue(String key, CompanyLane<Task> lane, List<JournalEntry> work, Task admitted) {
        boolean admittedQueued = false;
        boolean alone = SideBySide.runsAlone(fulfilment.knowsCustomerOf(key));
        // an event of the lane may have finished since the work was read: its task stays in the lane until it is
        // taken out under this lock, and what was read of it is out of date
        Set<EventToken> inLane = lane.queued().stream().map(task -> task.entry.event().token()).collect(Collectors.toSet());
        for (JournalEntry entry : work) {
            if (inLane.contains(entry.event().token())) {
                continue;
            }
            if (admitted != null && entry.event().token().equals(admitted.entry.event().token())) {
                lane.add(admitted, SideBySide.subscriptionOf(entry.event()), alone);
                admittedQueued = true;
            } else if (entry.state().isFinished()) {
                delivery.deliver(entry); // unless it is being delivered
            } else {
                // received elsewhere, or left by a connector that stopped: its delivery may have been told "accepted"
                Ticket ticket = Ticket.owingResult();
                if (inFlight.resume(entry.event().token(), ticket)) {
                    LOG.log(Level.INFO, "event={0} taken up in state {1}", entry.event().token(), entry.state());
                    lane.add(new Task(entry, ticket), SideBySide.subscriptionOf(entry.event()), alone);
                }
            }
        }
        return admittedQueued;
    }

    /**
     * Another connector works on the event's lane, and finds the event in the journal: this connector's deliveries
     * of it are answered "accepted", and that one posts the result.
     */
    private void handOver(Task task) {
        inFlight.handedOver(task.entry.event().token(), task.ticket);
        task.ticket.offerProgress(new Outcome.InProgress("Event " + task.entry.event().token()
                + " is accepted and being processed; its result will be posted."));
    }

    private boolean isDueSooner(JournalEntry waiting) {
        synchronized (lanes) {
            CompanyLane<Task> lane = lanes.get(waiting.lane());
            return lane != null && lane.queued().stream().anyMatch(task -> task.due != null
                    && task.entry.event().token().equals(waiting.event().token())
                    && waiting.nextAttemptAt().isBefore(task.due));
        }
    }

    private boolean isWorkedOnHere(String lane) {
        synchronized (lanes) {
            return lanes.containsKey(lane);
        }
    }

    /** Takes the lane up, with all its work the journal holds, unless it is worked on here or another holds it. */
    private void claim(String key) {
        List<Task> start;
        synchronized (lanes) {
            if (lanes.containsKey(key) || !leases.take(key)) {
                return;
            }
            start = tend(key);
        }
        start.forEach(this::submit);
    }

    /**
     * Under the lanes' lock, the lane held and nothing of it queued here: queues what the journal holds for it, or
     * lets it go if nothing. While results of the lane are being posted, it is kept: their settling tends it again.
     */
    private List<Task> tend(String key) {
        List<JournalEntry> work = journal.needingWork(key);
        CompanyLane<Task> lane = lanes.computeIfAbsent(key, absent -> new CompanyLane<>());
        queue(key, lane, work, null);
        if (lane.isEmpty()) {
            lanes.remove(key);
            if (work.isEmpty()) {
                leases.release(key);
            }
        }
        return lane.startable();
    }

    /** A result of the lane stopped being posted: if nothing of the lane is queued here, it is tended. */
    private void settled(String key) {
        if (!leases.shared()) {
            return;
        }
        List<Task> start;
        synchronized (lanes) {
            if (lanes.containsKey(key) || !leases.holds(key)) {
                return;
            }
            start = tendOrLeave(key);
        }
        start.forEach(this::submit);
    }

    /**
     * Claims every lane whose work the journal holds and nobody works on here: its holder stopped, or let it go. Wakes
     * the events waiting here that the journal says are due sooner: an operator asked another connector to retry them.
     */
    private void takeOver() {
        try {
            List<JournalEntry> work = journal.needingWork();
            work.stream().map(JournalEntry::lane).distinct().forEach(this::claim);
            work.stream().filter(entry -> entry.state() == EventState.WAITING && isDueSooner(entry))
                    .forEach(entry -> retryNow(entry.event().token()));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "the take-over scan could not read the journal: {0}", e.getMessage());
        }
    }

    /**
     * The lane's lease ran out or another connector took it over: its tasks here stop, without another write, and
     * are handed over; a task in an attempt now is handed over once it returns.
     */
    private void abandon(String key) {
        synchronized (lanes) {
            CompanyLane<Task> lane = lanes.remove(key);
            if (lane == null) {
                return;
            }
            LOG.log(Level.WARNING, "lane {0} left to the connector that holds it now", key);
            for (Task task : lane.queued()) {
                task.abandoned = true;
                if (!task.running) {
                    handOver(task);
                }
            }
        }
    }

    private void submit(Task task) {
        threads.execute(() -> run(task));
    }

    private void run(Task task) {
        String key = task.entry.lane();
        synchronized (lanes) {
            if (task.abandoned) {
                return;
            }
            task.running = true;
        }
        Instant retryAt;
        try {
            if (!leases.holds(key)) {
                throw new LeaseLostException(key);
            }
            retryAt = attempt(task);
        } catch (LeaseLostException e) {
            if (stopped(task)) { // else its lane was left already
                abandon(key);
            }
            return;
        } catch (RuntimeException e) {
            // the journal could not record a step: the event keeps its place in its lane, so the company's later
            // events neither overtake it nor wait forever, and is tried again once the store may be back
            retryAt = clock.instant().plus(settings.backoff(1));
            if (e instanceof JournalUnavailableException down) { // the journal logged why, once
                LOG.log(Level.ERROR, "event={0} could not be journaled ({1}); trying again at {2}",
                        task.entry.event().token(), down.getMessage(), retryAt);
            } else {
                LOG.log(Level.ERROR, "event=" + task.entry.event().token() + " could not be journaled; trying again at "
                        + retryAt, e);
            }
        }
        if (retryAt != null) {
            if (stopped(task)) {
                later(task, retryAt);
            }
            return;
        }
        List<Task> start;
        synchronized (lanes) {
            if (!stopped(task)) {
                return;
            }
            CompanyLane<Task> lane = lanes.get(key);
            lane.finish(task);
            start = lane.startable();
            if (lane.isEmpty()) {
                start = emptied(key);
            }
        }
        start.forEach(this::submit);
    }

    /** Runs the task again at {@code at}, unless {@link #retryNow} ran it sooner. */
    private void later(Task task, Instant at) {
        long wake;
        synchronized (lanes) {
            if (task.retryAsked) { // while its attempt was ending
                task.retryAsked = false;
                at = clock.instant();
            }
            wake = ++task.wakes;
            task.due = at;
        }
        threads.schedule(at, () -> {
            synchronized (lanes) {
                if (task.wakes != wake || task.due == null) {
                    return; // run sooner, and maybe scheduled again since
                }
                task.due = null;
            }
            run(task);
        });
    }

    /**
     * Attempts the waiting event now rather than at its next backoff, as an operator asked: if it waits in a lane
     * worked on here; false if not (with other connectors, its lane's holder wakes it at its next scan of the journal,
     * which says it is due now).
     */
    public boolean retryNow(EventToken token) {
        Task task;
        synchronized (lanes) {
            task = lanes.values().stream().flatMap(lane -> lane.queued().stream())
                    .filter(queued -> queued.entry.event().token().equals(token))
                    .findFirst().orElse(null);
            if (task == null) {
                return false;
            }
            if (task.due == null) { // its attempt is ending: it waits, then runs again at once
                task.retryAsked = true;
                return true;
            }
            task.due = null;
            task.wakes++;
        }
        submit(task);
        return true;
    }

    /**
     * Posts the result of an event an operator took out of PARKED to have it delivered again, if this connector holds
     * the event's lane or can take it; else the lane's holder finds the result owed in the journal when it tends it.
     */
    public void redeliver(JournalEntry owed) {
        if (leases.take(owed.lane())) {
            delivery.deliver(owed);
        }
    }

    /** The task's attempt returned; false, having handed it over, if its lane was left meanwhile. */
    private boolean stopped(Task task) {
        synchronized (lanes) {
            task.running = false;
            if (task.abandoned) {
                handOver(task);
                return false;
            }
            return true;
        }
    }

    /** Under the lanes' lock: the lane has nothing left queued here; shared, the journal may hold more for it. */
    private List<Task> emptied(String key) {
        if (!leases.shared()) {
            lanes.remove(key);
            leases.release(key);
            return List.of();
        }
        return tendOrLeave(key);
    }

    /**
     * Under the lanes' lock: {@link #tend tends} the lane, or, if the journal cannot be read, leaves it to the take-over
     * scan, which tends it once the journal is back (its lease is kept meanwhile).
     */
    private List<Task> tendOrLeave(String key) {
        try {
            return tend(key);
        } catch (RuntimeException e) {
            lanes.remove(key);
            LOG.log(Level.WARNING, "lane {0} not tended: {1}", key, e.getMessage());
            return List.of();
        }
    }

    /** One attempt; returns when to try again, or null when the event is finished. */
    private Instant attempt(Task task) {
        long resumed = resumes.get();
        JournalEntry entry = transitions.record(task.entry.processing(clock.instant()));
        Outcome outcome = safely(entry);
        if (resumes.get() != resumed) {
            throw new JournalUnavailableException("the journal failed and was reopened during the attempt");
        }
        Instant now = clock.instant();
        if (isWorthRetrying(outcome)) {
            Instant next = now.plus(settings.backoff(entry.attempts()));
            if (next.isBefore(entry.deadline())) {
                JournalEntry waiting = entry.waiting(outcome, next, now);
                task.entry = transitions.record(waiting, TimelineEntry.attempt(waiting));
                metrics.retrying(entry.event());
                task.ticket.offerProgress(outcome instanceof Outcome.InProgress progress ? progress
                        : new Outcome.InProgress("Webex is unavailable right now (" + outcome.message() + "); the connector keeps trying."));
                return next;
            }
            outcome = new Outcome.Failed(FailureReason.UPSTREAM_UNAVAILABLE, "Gave up at the event's deadline ("
                    + Duration.between(entry.receivedAt(), entry.deadline()).toMinutes() + " minutes): " + outcome.message());
        }
        if (outcome instanceof Outcome.Failed failed && failed.reason() == FailureReason.UPSTREAM_REJECTED) {
            // before anyone hears of the outcome, so that no event enqueued after it still takes the customer as known
            fulfilment.forgetCustomerOf(entry.lane());
        }
        // the marketplace takes no posted result for a synchronous-only event: its answer was all it gets
        boolean resultOwed = task.ticket.claim() && !entry.event().answeredSynchronouslyOnly();
        JournalEntry finished = entry.finished(outcome, now);
        try {
            // journaled before the answer leaves, so a delivery coming after it is answered the same from the journal
            finished = resultOwed ? finished.answeredAsynchronously(now) : finished.delivered(now);
            finished = transitions.record(finished, TimelineEntry.attempt(finished));
        } catch (RuntimeException e) {
            task.ticket.release(); // not journaled, so not told: the next attempt finishes the event
            throw e;
        }
        task.entry = finished;
        inFlight.finished(finished.event().token());
        task.ticket.answer(outcome);
        metrics.finished(finished.event(), outcome);
        if (!finished.resultDelivered() || leases.shared() && !resultOwed && isPromisedElsewhere(finished)) {
            delivery.deliver(finished);
        }
        return null;
    }

    /**
     * Whether another connector, answering a delivery of the event "accepted", promised its result meanwhile. If the
     * journal cannot say, the lane's next tending finds the promise.
     */
    private boolean isPromisedElsewhere(JournalEntry finished) {
        try {
            return journal.find(finished.event().token()).filter(JournalEntry::needsWork).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Outcome safely(JournalEntry entry) {
        try {
            return fulfilment.attempt(entry.event());
        } catch (JournalUnavailableException e) {
            throw e; // the event is not done: it runs again, finding at Webex what this attempt made there
        } catch (RuntimeException | Error e) {
            // an Error too (an answer too large for the heap, a stack overflow): the event fails with a reference,
            // and its company's lane moves on instead of stalling until a restart
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.ERROR, "event=" + entry.event().token() + " failed unexpectedly (reference " + reference + ")", e);
            if (e instanceof VirtualMachineError) {
                sound = false;
                LOG.log(Level.ERROR, "the JVM is in trouble ({0}); the connector goes on, but /ready answers 503 until"
                        + " it is restarted", e.toString());
            }
            return new Outcome.Failed(FailureReason.INTERNAL_ERROR,
                    "The connector failed unexpectedly; its log has the details under reference " + reference);
        }
    }

    private static boolean isWorthRetrying(Outcome outcome) {
        return outcome instanceof Outcome.InProgress
                || outcome instanceof Outcome.Failed failed && failed.reason() == FailureReason.UPSTREAM_UNAVAILABLE;
    }

    /** Stops taking work; an interrupted attempt resumes from the journal on the next start. */
    @Override
    public void close() {
        threads.close(); // first, as a finishing attempt may still hand its result to the delivery
        delivery.close();
    }

    /**
     * An event in its lane: its latest journal entry (the worker is its only writer) and who waits for it; whether an
     * attempt of it runs now, whether its lane was left, and when it runs again while it waits (counting the wakes, so
     * that a wake-up made obsolete by a sooner run does nothing), guarded by the lanes' lock.
     */
    private static final class Task {
        private JournalEntry entry;
        private final Ticket ticket;
        private boolean running;
        private boolean abandoned;
        private Instant due;
        private long wakes;
        private boolean retryAsked;

        Task(JournalEntry entry, Ticket ticket) {
            this.entry = entry;
            this.ticket = ticket;
        }
    }
}
