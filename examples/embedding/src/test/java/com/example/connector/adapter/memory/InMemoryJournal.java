package com.example.connector.adapter.memory;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.JournalEntry;
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
        entries.put(entry.event().token(), old.asynchronous() && !entry.asynchronous()
                ? entry.answeredAsynchronously(entry.updatedAt()) : entry);
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
