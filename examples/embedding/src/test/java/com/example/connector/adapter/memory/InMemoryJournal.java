package com.example.connector.adapter.memory;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The journal of one connector, in memory: nothing survives the process, so {@link #makeDurable()} has nothing to do. */
public final class InMemoryJournal implements EventJournal {

    private final Map<EventToken, JournalEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized boolean recordNew(JournalEntry entry) {
        return entries.putIfAbsent(entry.event().token(), entry) == null;
    }

    @Override
    public synchronized Optional<JournalEntry> find(EventToken token) {
        return Optional.ofNullable(entries.get(token));
    }

    @Override
    public synchronized boolean promiseResult(EventToken token) {
        JournalEntry entry = entries.get(token);
        if (entry == null || entry.state().isFinished()) {
            return false;
        }
        entries.put(token, entry.answeredAsynchronously(entry.updatedAt()));
        return true;
    }

    @Override
    public synchronized void update(JournalEntry entry) {
        JournalEntry old = entries.get(entry.event().token());
        if (old == null) {
            throw new IllegalArgumentException("event " + entry.event().token() + " is not journaled");
        }
        if (old.state() == EventState.RESOLVED) {
            return; // an operator's resolution is final
        }
        entries.put(entry.event().token(), old.asynchronous() && !entry.asynchronous()
                ? entry.answeredAsynchronously(entry.updatedAt()) : entry);
    }

    /** This journal keeps no timeline: without an admin API, nobody reads it. */
    @Override
    public synchronized void update(JournalEntry entry, TimelineEntry happened) {
        update(entry);
    }

    @Override
    public void addToTimeline(EventToken token, TimelineEntry happened) {
        // no timeline kept: see update(JournalEntry, TimelineEntry)
    }

    @Override
    public synchronized boolean act(EventState expected, JournalEntry entry, TimelineEntry action) {
        JournalEntry old = entries.get(entry.event().token());
        if (old == null || old.state() != expected) {
            return false;
        }
        entries.put(entry.event().token(), entry);
        return true;
    }

    @Override
    public synchronized List<JournalEntry> needingWork() {
        return entries.values().stream().filter(JournalEntry::needsWork)
                .sorted(Comparator.comparing(JournalEntry::receivedAt)).toList();
    }

    @Override
    public synchronized List<JournalEntry> needingWork(String lane) {
        return needingWork().stream().filter(entry -> entry.lane().equals(lane)).toList();
    }

    @Override
    public void makeDurable() {
        // memory is all there is
    }

    @Override
    public boolean isOpen() {
        return true;
    }
}
