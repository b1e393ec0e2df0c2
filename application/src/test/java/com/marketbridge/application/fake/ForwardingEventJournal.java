package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import java.util.List;
import java.util.Optional;

/**
 * A journal that hands every call to another: test journals that change a few calls (a fence, a lease taken first,
 * a pause) extend it and override only those, so the port's next method is forwarded in one place.
 */
public abstract class ForwardingEventJournal implements EventJournal {

    private final EventJournal journal;

    protected ForwardingEventJournal(EventJournal journal) {
        this.journal = journal;
    }

    @Override
    public boolean recordNew(JournalEntry entry) {
        return journal.recordNew(entry);
    }

    @Override
    public Optional<JournalEntry> find(EventToken token) {
        return journal.find(token);
    }

    @Override
    public boolean promiseResult(EventToken token) {
        return journal.promiseResult(token);
    }

    @Override
    public void update(JournalEntry entry) {
        journal.update(entry);
    }

    @Override
    public void update(JournalEntry entry, TimelineEntry happened) {
        journal.update(entry, happened);
    }

    @Override
    public void addToTimeline(EventToken token, TimelineEntry happened) {
        journal.addToTimeline(token, happened);
    }

    @Override
    public boolean act(EventState expected, JournalEntry entry, TimelineEntry action) {
        return journal.act(expected, entry, action);
    }

    @Override
    public List<JournalEntry> needingWork() {
        return journal.needingWork();
    }

    @Override
    public List<JournalEntry> needingWork(String lane) {
        return journal.needingWork(lane);
    }

    @Override
    public void makeDurable() {
        journal.makeDurable();
    }

    @Override
    public boolean isOpen() {
        return journal.isOpen();
    }
}
