package com.marketbridge.application.service.scheduling;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import java.lang.System.Logger.Level;

/** Writes an event's new state to the journal, and says so in the log at the level an operator needs. */
final class Transitions {

    private static final System.Logger LOG = System.getLogger("com.marketbridge.worker");

    private final EventJournal journal;

    Transitions(EventJournal journal) {
        this.journal = journal;
    }

    JournalEntry record(JournalEntry entry) {
        journal.update(entry);
        logged(entry);
        return entry;
    }

    /** Records the entry with what happened, added to the event's timeline in the same write. */
    JournalEntry record(JournalEntry entry, TimelineEntry happened) {
        journal.update(entry, happened);
        logged(entry);
        return entry;
    }

    private static void logged(JournalEntry entry) {
        LOG.log(isNoteworthy(entry) ? Level.INFO : Level.DEBUG, "event={0} state={1} attempts={2}",
                entry.event().token(), entry.state(), entry.attempts());
    }

    /**
     * An event answered at once gets its one INFO line from the service's event log; its transitions are DEBUG.
     * Waiting, parking and the progress of an event whose result is to be posted are what an operator follows.
     */
    private static boolean isNoteworthy(JournalEntry entry) {
        return entry.asynchronous() || entry.state() == EventState.WAITING || entry.state() == EventState.PARKED;
    }
}
