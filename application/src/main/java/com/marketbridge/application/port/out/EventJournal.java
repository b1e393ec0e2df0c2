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

    Optional<JournalEntry> find(EventToken token);

    /** Replaces the entry with the same token. */
    void update(JournalEntry entry);

    /** Entries that {@link JournalEntry#needsWork() need work}, oldest received first. */
    List<JournalEntry> needingWork();

    /**
     * Returns once every write made before the call survives the process being killed: this journal's and those
     * of the stores kept beside it (subscriptions, extension reservations, known customers). Writes need not be durable before, so that concurrent events can share
     * one write-out; the connector calls this before it tells the marketplace anything that depends on them.
     */
    void makeDurable();

    /** Whether the journal can be written: the connector is not ready without it. */
    boolean isOpen();
}
