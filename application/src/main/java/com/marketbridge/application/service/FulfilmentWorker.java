package com.marketbridge.application.service;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.edition.EditionLookup;
import com.marketbridge.domain.event.AccountEvent;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.SubscriptionAccount;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Works on journaled events in the background, on a bounded pool: one lane per company, in arrival order
 * ({@link CompanyLane}). Events that may create the company's Webex customer or touch what its subscriptions
 * share run alone; other subscriptions' events run side by side, each subscription's one at a time. An event
 * that waits (for Webex to provision, or after a transient failure) is retried with backoff until its
 * deadline, and keeps its place meanwhile. Results the marketplace did not get as an answer are posted, and re-posted
 * until accepted. Every state change is written to the journal first, so a restart resumes it all.
 */
public final class FulfilmentWorker implements AutoCloseable {

    /** How long after its event's deadline a result is still offered to the marketplace. */
    static final Duration DELIVERY_GRACE = Duration.ofHours(1);

    private static final System.Logger LOG = System.getLogger("com.marketbridge.worker");

    private final Fulfilment fulfilment;
    private final RememberedCustomers customers;
    private final EditionCatalog catalog;
    private final Subscriptions subscriptions;
    private final EventJournal journal;
    private final MarketplaceResults results;
    private final AsyncSettings settings;
    private final Clock clock;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Map<String, CompanyLane<Task>> lanes = new HashMap<>();

    public FulfilmentWorker(Webex webex, FulfilmentSettings fulfilmentSettings, EventJournal journal,
                            Subscriptions subscriptions, MarketplaceResults results, AsyncSettings settings) {
        this.customers = new RememberedCustomers(webex.customers(), journal);
        Webex remembering = new Webex(customers, webex.subscribers(), webex.locations(), webex.extensions(), webex.people());
        this.fulfilment = new Fulfilment(remembering, fulfilmentSettings, subscriptions);
        this.catalog = fulfilmentSettings.catalog();
        this.subscriptions = subscriptions;
        this.journal = journal;
        this.results = results;
        this.settings = settings;
        this.clock = fulfilmentSettings.clock();
        this.pool = Executors.newFixedThreadPool(settings.workers(), daemon("marketbridge-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("marketbridge-retry"));
    }

    /** Takes up what the journal says is unfinished or undelivered, as after a restart. */
    public void resumeJournal() {
        for (JournalEntry entry : journal.needingWork()) {
            if (entry.state().isFinished()) {
                deliver(entry);
            } else {
                LOG.log(Level.INFO, "event={0} resumed in state {1}", entry.event().token(), entry.state());
                enqueue(entry, Ticket.NOBODY_WAITS);
            }
        }
    }

    Clock clock() {
        return clock;
    }

    /** Queues the journaled event in its company's lane; the ticket receives the outcome of its first attempt. */
    void enqueue(JournalEntry entry, Ticket ticket) {
        Task task = new Task(entry, ticket);
        String subscription = subscriptionOf(entry.event());
        boolean alone = runsAlone(entry, subscription);
        List<Task> start;
        synchronized (lanes) {
            CompanyLane<Task> lane = lanes.computeIfAbsent(entry.lane(), key -> new CompanyLane<>());
            lane.add(task, subscription, alone);
            start = lane.startable();
        }
        start.forEach(this::submit);
    }

    private void submit(Task task) {
        pool.execute(() -> run(task));
    }

    private void run(Task task) {
        Instant retryAt;
        try {
            retryAt = attempt(task);
        } catch (RuntimeException e) {
            // the journal could not record a step: the event keeps its place in its lane, so the company's later
            // events neither overtake it nor wait forever, and is tried again once the store may be back
            retryAt = clock.instant().plus(settings.backoff(1));
            LOG.log(Level.ERROR, "event=" + task.entry.event().token() + " could not be journaled; trying again at "
                    + retryAt, e);
        }
        if (retryAt != null) {
            schedule(retryAt, () -> run(task));
            return;
        }
        List<Task> start;
        synchronized (lanes) {
            CompanyLane<Task> lane = lanes.get(task.entry.lane());
            lane.finish(task);
            start = lane.startable();
            if (lane.isEmpty()) {
                lanes.remove(task.entry.lane());
            }
        }
        start.forEach(this::submit);
    }

    /** The subscription the event acts on: an order's is the account it creates. Ordering is kept per subscription. */
    private static String subscriptionOf(MarketplaceEvent event) {
        if (event instanceof SubscriptionOrdered order) {
            try {
                return new SubscriptionAccount(order.company().uuid(), order.creator().email()).identifier();
            } catch (IllegalArgumentException e) {
                return event.token().value(); // names no account: the order fails at once, alone
            }
        }
        return event instanceof AccountEvent account ? account.accountIdentifier() : event.token().value();
    }

    /**
     * Whether the event must run alone among its company's events. Only two kinds touch nothing but their own
     * subscriber, once the company's Webex customer is known to be provisioned: an order of an edition without
     * calling, and the cancel of a subscription with one user. Everything else may create the customer, take or
     * give back an extension at the company's location, or act on users of other subscriptions.
     */
    private boolean runsAlone(JournalEntry entry, String subscription) {
        if (customers.remembered(entry.lane()).isEmpty()) {
            return true; // asked first: it is in memory, while a cancel's subscription is read from the store
        }
        MarketplaceEvent event = entry.event();
        if (event instanceof SubscriptionOrdered order) {
            return !(catalog.lookup(order.order().editionCode()) instanceof EditionLookup.Known known
                    && !known.webexPackage().calling());
        }
        if (event instanceof SubscriptionCancelled) {
            return subscriptions.find(subscription).filter(found -> found.users().size() == 1).isEmpty();
        }
        return true;
    }

    /** One attempt; returns when to try again, or null when the event is finished. */
    private Instant attempt(Task task) {
        JournalEntry entry = transition(task.entry.processing(clock.instant()));
        Outcome outcome = safely(entry);
        Instant now = clock.instant();
        if (isWorthRetrying(outcome)) {
            Instant next = now.plus(settings.backoff(entry.attempts()));
            if (next.isBefore(entry.deadline())) {
                task.entry = transition(entry.waiting(outcome, next, now));
                task.ticket.offerProgress(outcome instanceof Outcome.InProgress progress ? progress
                        : new Outcome.InProgress("Webex is unavailable right now (" + outcome.message() + "); the connector keeps trying."));
                return next;
            }
            outcome = new Outcome.Failed(FailureReason.UPSTREAM_UNAVAILABLE, "Gave up at the event's deadline ("
                    + Duration.between(entry.receivedAt(), entry.deadline()).toMinutes() + " minutes): " + outcome.message());
        }
        boolean answering = task.ticket.claim();
        JournalEntry finished = entry.finished(outcome, now);
        try {
            // journaled before the answer leaves, so a duplicate notification right after it is answered the same;
            // the marketplace takes no posted result for a synchronous-only event: its answer was all it gets
            finished = transition(answering || entry.event().answeredSynchronouslyOnly()
                    ? finished.delivered(now)
                    : finished.answeredAsynchronously(now));
            task.entry = finished;
        } finally {
            if (answering) {
                task.ticket.answer(outcome);
            }
        }
        if (outcome instanceof Outcome.Failed failed && failed.reason() == FailureReason.UPSTREAM_REJECTED) {
            customers.forget(finished.lane());
        }
        if (!finished.resultDelivered()) {
            deliver(finished);
        }
        return null;
    }

    private Outcome safely(JournalEntry entry) {
        try {
            return fulfilment.attempt(entry.event());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.ERROR, "event=" + entry.event().token() + " failed unexpectedly (reference " + reference + ")", e);
            return new Outcome.Failed(FailureReason.INTERNAL_ERROR,
                    "The connector failed unexpectedly; its log has the details under reference " + reference);
        }
    }

    private static boolean isWorthRetrying(Outcome outcome) {
        return outcome instanceof Outcome.InProgress
                || outcome instanceof Outcome.Failed failed && failed.reason() == FailureReason.UPSTREAM_UNAVAILABLE;
    }

    /** Posts the event's result, and again with backoff while the marketplace is unavailable. */
    private void deliver(JournalEntry entry) {
        pool.execute(() -> deliverNow(entry, 1));
    }

    private void deliverNow(JournalEntry entry, int attempt) {
        EventToken token = entry.event().token();
        Instant next = clock.instant().plus(settings.backoff(attempt));
        try {
            journal.makeDurable(); // the result must not announce changes a crash could still take back
            results.report(entry.eventUrl(), entry.outcome(), settings.resultAttemptBudget());
        } catch (UpstreamException e) {
            if (e.reason() == FailureReason.UPSTREAM_UNAVAILABLE && next.isBefore(entry.deadline().plus(DELIVERY_GRACE))) {
                LOG.log(Level.WARNING, "event={0} result not delivered ({1}); retrying at {2}", token, e.getMessage(), next);
                schedule(next, () -> deliverNow(entry, attempt + 1));
            } else {
                LOG.log(Level.ERROR, "event={0} result could not be delivered ({1}); parked for an operator", token, e.getMessage());
                transition(entry.parked(clock.instant()));
            }
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "event=" + token + " result not delivered: the journal failed; retrying at " + next, e);
            schedule(next, () -> deliverNow(entry, attempt + 1));
            return;
        }
        LOG.log(Level.INFO, "event={0} result delivered", token);
        try {
            transition(entry.delivered(clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "event=" + token + " result delivered, but the journal could not record it; "
                    + "the next start posts it again", e);
        }
    }

    private JournalEntry transition(JournalEntry entry) {
        journal.update(entry);
        LOG.log(isNoteworthy(entry) ? Level.INFO : Level.DEBUG, "event={0} state={1} attempts={2}",
                entry.event().token(), entry.state(), entry.attempts());
        return entry;
    }

    /**
     * An event answered at once gets its one INFO line from {@link EventLog}; its transitions are DEBUG. Waiting,
     * parking and the progress of an event whose result is to be posted are what an operator follows.
     */
    private static boolean isNoteworthy(JournalEntry entry) {
        return entry.asynchronous() || entry.state() == EventState.WAITING || entry.state() == EventState.PARKED;
    }

    private void schedule(Instant at, Runnable work) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        timer.schedule(() -> pool.execute(work), delay, TimeUnit.MILLISECONDS);
    }

    /** Stops taking work; an interrupted attempt resumes from the journal on the next start. */
    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** An event in its lane: its latest journal entry (the worker is its only writer) and who waits for it. */
    private static final class Task {
        private JournalEntry entry;
        private final Ticket ticket;

        Task(JournalEntry entry, Ticket ticket) {
            this.entry = entry;
            this.ticket = ticket;
        }
    }
}
