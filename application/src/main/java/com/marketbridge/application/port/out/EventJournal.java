package com.marketbridge.application.port.out;

import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every event the connector accepted, so nothing is lost or done twice across
 * crashes, with each event's timeline for operators ({@link EventQueries} reads it). Implementations make each call
 * atomic. An event's receipt is the first entry of its timeline; every other entry is added by the update that it
 * describes, in the same transaction.
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
     * An update of an event an operator {@link EventState#RESOLVED resolved} meanwhile changes nothing: resolved is
     * final.
     *
     * @throws LeaseLostException another connector took the entry's lane (a store shared by several connectors)
     */
    void update(JournalEntry entry);

    /** As {@link #update(JournalEntry)}, adding {@code happened} to the event's timeline if the entry is replaced. */
    void update(JournalEntry entry, TimelineEntry happened);

    /** Adds {@code happened} to the event's timeline, the event unchanged: a post of its result failed, to be retried. */
    void addToTimeline(EventToken token, TimelineEntry happened);

    /**
     * An operator's action: replaces the entry and adds {@code action} to its timeline, if the event is still in state
     * {@code expected}; false, changing nothing, otherwise. Not fenced: any connector takes an operator's action, and
     * the holder of the event's lane, if any, finds it in the journal.
     */
    boolean act(EventState expected, JournalEntry entry, TimelineEntry action);

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
