package com.marketbridge.application.port.out;

import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.JournalEntry;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every event the connector accepted, so nothing is lost or done twice across
 * crashes. Implementations make each call atomic.
 */
public interface EventJournal {

    /** Records a new event; false, changing nothing, when its token is already journaled. */
    boolean recordNew(JournalEntry entry);

    /** The entry of the event with this token, if it was journaled. */
    Optional<JournalEntry> find(EventToken token);

    /**
     * Promises the marketplace the result of an unfinished event, as a delivery of it is answered "accepted" by a
     * connector other than the one working on it: the entry becomes asynchronous, so its result is posted once it is
     * finished. False, changing nothing, if the event is finished already: its outcome is the answer. Atomic with
     * the update that finishes the event.
     */
    boolean promiseResult(EventToken token);

    /**
     * Replaces the entry with the same token, but keeps a result {@link #promiseResult promised} meanwhile: the entry
     * stays {@link JournalEntry#asynchronous() asynchronous}, and its result counts as delivered only if the new
     * entry is asynchronous too (it was posted, not only answered).
     *
     * @throws LeaseLostException another connector took the entry's lane (a store shared by several connectors)
     */
    void update(JournalEntry entry);

    /** Entries that {@link JournalEntry#needsWork() need work}, oldest received first. */
    List<JournalEntry> needingWork();

    /** The entries of one lane that {@link JournalEntry#needsWork() need work}, oldest received first. */
    List<JournalEntry> needingWork(String lane);

    /**
     * Returns once every write made before the call survives the process being killed: this journal's and those
     * of the stores kept beside it (subscriptions, extension reservations, known customers). Writes need not be durable before, so that concurrent events can share
     * one write-out; the connector calls this before it tells the marketplace anything that depends on them.
     */
    void makeDurable();

    /** Whether the journal can be written: the connector is not ready without it. */
    boolean isOpen();
}
