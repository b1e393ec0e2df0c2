package com.marketbridge.application.service.scheduling;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.JournalEntry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The ticket of every event being worked on, by token, so that every delivery of an event waits for the same
 * answer. An event enters as it is journaled, atomically with it, and leaves once its final outcome is journaled:
 * a delivery that finds the event journaled and unfinished finds its ticket here.
 */
final class EventsInFlight {

    private final EventJournal journal;
    private final ConcurrentMap<EventToken, Ticket> tickets = new ConcurrentHashMap<>();

    EventsInFlight(EventJournal journal) {
        this.journal = journal;
    }

    /**
     * Journals the new event with {@code fresh} as its ticket; for an event journaled before, its ticket if it is
     * still in flight. The journal is written inside the map's per-token lock, so the delivery that loses the race
     * to journal an event finds the winner's ticket.
     */
    Optional<Ticket> admit(JournalEntry entry, Ticket fresh) {
        return Optional.ofNullable(tickets.compute(entry.event().token(),
                (token, inFlight) -> inFlight != null ? inFlight : journal.recordNew(entry) ? fresh : null));
    }

    /** An event journaled before, unless it is in flight already; returns whether it was not. */
    boolean resume(EventToken token, Ticket ticket) {
        return tickets.putIfAbsent(token, ticket) == null;
    }

    Optional<Ticket> find(EventToken token) {
        // compute, not get: it waits for an admission of the same event still writing the journal
        return Optional.ofNullable(tickets.compute(token, (key, inFlight) -> inFlight));
    }

    /** The event's final outcome is journaled, or the event could not be: later deliveries look in the journal. */
    void finished(EventToken token) {
        tickets.remove(token);
    }

    /**
     * Another connector works on the event: later deliveries look in the journal. Only this ticket leaves, so a
     * late hand-over does not drop the event taken up again here meanwhile.
     */
    void handedOver(EventToken token, Ticket ticket) {
        tickets.remove(token, ticket);
    }
}
