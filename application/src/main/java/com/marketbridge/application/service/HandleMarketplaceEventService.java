package com.marketbridge.application.service;

import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.HandleMarketplaceEventUseCase;
import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.FulfilmentMetrics;
import com.marketbridge.application.port.out.JournalUnavailableException;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.application.service.scheduling.AsyncSettings;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.application.service.scheduling.Ticket;
import com.marketbridge.domain.event.AccountEvent;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.SubscriptionAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies the notification, fetches its event, journals it and hands it to the worker, then waits for the
 * outcome within the response budget: a final outcome in time is the answer; otherwise the answer is
 * "accepted" ({@link Outcome.InProgress}) and the worker posts the result. A notice takes no posted result,
 * so its "accepted, being applied" is a success, which the worker then completes silently. An event is never run twice:
 * a delivery of an event still being worked on waits for the same answer as the first, within its own budget, and
 * one of a finished event is answered from the journal. Stateless pings are answered at once and change nothing.
 * While the journal cannot be written, a notification is answered that the connector's storage is unavailable,
 * unless its event was journaled before: then it is "accepted", and finished once the journal is back. Where
 * connectors share the store, a delivery of an event another connector works on is answered from the journal.
 */
public final class HandleMarketplaceEventService implements HandleMarketplaceEventUseCase {

    /** How often a delivery of an event another connector works on looks for its outcome in the journal. */
    private static final Duration JOURNAL_WATCH = Duration.ofMillis(100);

    private final MarketplaceCredentials credentials;
    private final MarketplaceEvents events;
    private final EventJournal journal;
    private final FulfilmentWorker worker;
    private final AsyncSettings settings;
    private final FulfilmentMetrics metrics;

    /** A service that reports no metrics. */
    public HandleMarketplaceEventService(MarketplaceCredentials credentials, MarketplaceEvents events,
                                         EventJournal journal, FulfilmentWorker worker, AsyncSettings settings) {
        this(credentials, events, journal, worker, settings, FulfilmentMetrics.NONE);
    }

    /** A service that reports each answer, its outcome and how long it took, to {@code metrics}. */
    public HandleMarketplaceEventService(MarketplaceCredentials credentials, MarketplaceEvents events,
                                         EventJournal journal, FulfilmentWorker worker, AsyncSettings settings,
                                         FulfilmentMetrics metrics) {
        this.credentials = Objects.requireNonNull(credentials, "'credentials' must not be null");
        this.events = Objects.requireNonNull(events, "'events' must not be null");
        this.journal = Objects.requireNonNull(journal, "'journal' must not be null");
        this.worker = Objects.requireNonNull(worker, "'worker' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
        this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
    }

    @Override
    public Outcome handle(HandleMarketplaceEventCommand command) {
        long started = System.nanoTime();
        MarketplaceCredentials.Verification verification = credentials.verify(command.notification());
        if (!verification.verified()) {
            Outcome refused = new Outcome.Failed(FailureReason.UNAUTHORIZED, "The notification is not authenticated: "
                    + verification.reason());
            metrics.answered(Optional.empty(), refused, Duration.ofNanos(System.nanoTime() - started));
            return refused;
        }
        if (!command.notification().undecodableParameters().isEmpty()) {
            return answered(null, null, new Outcome.Failed(FailureReason.INVALID_EVENT,
                    "The query parameter(s) " + String.join(", ", command.notification().undecodableParameters())
                            + " could not be decoded: malformed percent-encoding"), started);
        }
        if (command.eventUrl() == null || command.eventUrl().isBlank()) {
            return answered(null, null,
                    new Outcome.Failed(FailureReason.INVALID_EVENT, "The notification has no eventUrl parameter"), started);
        }
        EventUrl eventUrl;
        try {
            eventUrl = EventUrl.parse(command.eventUrl());
        } catch (IllegalArgumentException e) {
            return answered(null, null, new Outcome.Failed(FailureReason.INVALID_EVENT,
                    "The eventUrl is not a valid event URL: " + e.getMessage()), started);
        }
        try {
            return handleJournaled(command, eventUrl, started);
        } catch (JournalUnavailableException e) {
            return answered(eventUrl.token(), null, e.toOutcome(), started);
        }
    }

    private Outcome handleJournaled(HandleMarketplaceEventCommand command, EventUrl eventUrl, long started) {
        Optional<JournalEntry> known = journal.find(eventUrl.token());
        if (known.isPresent()) {
            return answered(eventUrl.token(), known.get().event(), answerKnown(known.get()), started);
        }
        MarketplaceEvent event;
        try {
            event = events.fetch(eventUrl);
        } catch (UpstreamException e) {
            return answered(eventUrl.token(), null, e.toOutcome(), started);
        }
        EventLog.compareHint(command.notification().queryParameter("eventType"), event);
        if (event.flag().changesNothing()) {
            return answered(event.token(), event,
                    new Outcome.Completed(null, "Stateless " + event.type() + " event received; nothing was changed."), started);
        }
        return answered(event.token(), event, journalAndAwait(eventUrl, event), started);
    }

    /** Logs the answer and reports it to the metrics. */
    private Outcome answered(EventToken token, MarketplaceEvent event, Outcome answer, long started) {
        metrics.answered(Optional.ofNullable(event), answer, Duration.ofNanos(System.nanoTime() - started));
        return EventLog.record(token, event, answer, started);
    }

    /** An answer leaves only once what it tells is on disk: an accepted event, or a finished one and its changes. */
    private Outcome durable(Outcome answer) {
        journal.makeDurable();
        return answer;
    }

    private Outcome journalAndAwait(EventUrl eventUrl, MarketplaceEvent event) {
        Instant now = worker.clock().instant();
        JournalEntry entry = JournalEntry.received(eventUrl, event, laneOf(event), now, now.plus(settings.eventDeadline()));
        return worker.admit(entry).map(ticket -> await(ticket, event)).orElseGet(() -> answerFromJournal(event));
    }

    private Outcome answerKnown(JournalEntry known) {
        if (known.state().isFinished()) {
            return durable(known.outcome());
        }
        return worker.inFlight(known.event().token()).map(ticket -> await(ticket, known.event()))
                .orElseGet(() -> answerFromJournal(known.event()));
    }

    /**
     * No ticket to wait on: the event was finished meanwhile, or (the worker stopped) it waits for the next start,
     * which posts its result. Where connectors share the store, another may be working on it:
     * {@link #answerFromAnotherConnector}.
     */
    private Outcome answerFromJournal(MarketplaceEvent event) {
        JournalEntry entry = journal.find(event.token()).orElseThrow();
        if (entry.state().isFinished()) {
            return durable(entry.outcome());
        }
        return durable(worker.sharesWork() ? answerFromAnotherConnector(event) : accepted(event));
    }

    /**
     * Watches the journal for the outcome within the budget. An event still unfinished then has its result promised
     * before the answer says "accepted": the connector finishing it may have answered its own delivery with the
     * outcome, and would otherwise post nothing. If it finished just before the promise, its outcome is the answer.
     */
    private Outcome answerFromAnotherConnector(MarketplaceEvent event) {
        long deadline = System.nanoTime() + settings.responseBudget().toNanos();
        try {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                Thread.sleep(Math.min(JOURNAL_WATCH.toMillis(), Math.max(1, left / 1_000_000)));
                JournalEntry entry = journal.find(event.token()).orElseThrow();
                if (entry.state().isFinished()) {
                    return entry.outcome();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (event.answeredSynchronouslyOnly() || journal.promiseResult(event.token())) {
            return accepted(event);
        }
        return journal.find(event.token()).orElseThrow().outcome();
    }

    /**
     * The ticket's answer, once the journal has written out what it tells. If the journal cannot, it lost the writes
     * of the event's attempt, but not the event, written out when it was admitted: the event is finished once the
     * journal is back and its result posted, so the answer is "accepted".
     */
    private Outcome await(Ticket ticket, MarketplaceEvent event) {
        Outcome answer;
        try {
            answer = ticket.awaitAnswer(settings.responseBudget()).map(told -> synchronousIfNeeded(event, told))
                    .orElseGet(() -> accepted(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return accepted(event);
        }
        try {
            return durable(answer);
        } catch (JournalUnavailableException e) {
            return accepted(event);
        }
    }

    private static Outcome accepted(MarketplaceEvent event) {
        if (event.answeredSynchronouslyOnly()) {
            return new Outcome.Completed(accountOf(event), event.type() + " event " + event.token()
                    + " is accepted and being applied.");
        }
        return new Outcome.InProgress("Event " + event.token() + " is accepted and being processed; its result will be posted.");
    }

    /** An in-progress answer to an event that takes no posted result becomes "accepted, being applied". */
    private static Outcome synchronousIfNeeded(MarketplaceEvent event, Outcome answer) {
        return answer instanceof Outcome.InProgress && event.answeredSynchronouslyOnly() ? accepted(event) : answer;
    }

    private static String accountOf(MarketplaceEvent event) {
        return event instanceof AccountEvent account ? account.accountIdentifier() : null;
    }

    /** A company's events are queued in arrival order in one lane, the company's (see {@link CompanyLane}). */
    private static String laneOf(MarketplaceEvent event) {
        if (event instanceof SubscriptionOrdered order) {
            return order.company().uuid();
        }
        if (event instanceof AccountEvent account) {
            return SubscriptionAccount.companyOf(account.accountIdentifier());
        }
        return event.token().value();
    }
}
