package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.JournalUnavailableException;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.JournalEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The journal kept in memory: what the service tests run against, and the reference for the journal's contract
 * test. It models durability: {@link #afterCrash()} keeps only what {@link #makeDurable()} covered, and so does a
 * {@link #fail() failure}, as H2 closing its database after a failed write does.
 */
public final class InMemoryEventJournal implements EventJournal {

    private final Map<EventToken, JournalEntry> entries = new LinkedHashMap<>();
    private Map<EventToken, JournalEntry> durableEntries = Map.of();
    private boolean open = true;
    private boolean down;
    private boolean failingWriteOut;
    private int failingUpdates;
    private CountDownLatch finds = new CountDownLatch(0);

    @Override
    public synchronized boolean recordNew(JournalEntry entry) {
        refuseWhileDown();
        return entries.putIfAbsent(entry.event().token(), entry) == null;
    }

    @Override
    public synchronized Optional<JournalEntry> find(EventToken token) {
        finds.countDown();
        refuseWhileDown();
        return Optional.ofNullable(entries.get(token));
    }

    /** Every later {@link #find} counts {@code looked} down: the test knows a notification looked an event up. */
    public synchronized void signalFinds(CountDownLatch looked) {
        finds = looked;
    }

    /** The next {@code count} updates fail, as on a full disk. */
    public synchronized void failNextUpdates(int count) {
        failingUpdates = count;
    }

    /** Fails now, as a disk that filled up: every call is refused, and only what was written out is kept. */
    public synchronized void fail() {
        down = true;
        entries.clear();
        entries.putAll(durableEntries);
    }

    /** The next write-out {@link #fail() fails}. */
    public synchronized void failNextWriteOut() {
        failingWriteOut = true;
    }

    /** Takes writes again, as after its recovery. */
    public synchronized void recover() {
        down = false;
    }

    private void refuseWhileDown() {
        if (down) {
            throw new JournalUnavailableException("No space left on device");
        }
    }

    @Override
    public synchronized void update(JournalEntry entry) {
        refuseWhileDown();
        if (failingUpdates > 0) {
            failingUpdates--;
            throw new JournalUnavailableException("No space left on device");
        }
        if (entries.replace(entry.event().token(), entry) == null) {
            throw new IllegalArgumentException("event " + entry.event().token() + " is not journaled");
        }
    }

    @Override
    public synchronized List<JournalEntry> needingWork() {
        refuseWhileDown();
        List<JournalEntry> work = new ArrayList<>(entries.values().stream().filter(JournalEntry::needsWork).toList());
        work.sort(Comparator.comparing(JournalEntry::receivedAt));
        return work;
    }

    @Override
    public synchronized void makeDurable() {
        if (failingWriteOut) {
            failingWriteOut = false;
            fail();
        }
        refuseWhileDown();
        durableEntries = Map.copyOf(entries);
    }

    /** A journal holding what this one would after the process was killed now: the writes made durable. */
    public synchronized InMemoryEventJournal afterCrash() {
        InMemoryEventJournal restarted = new InMemoryEventJournal();
        durableEntries.values().stream().sorted(Comparator.comparing(JournalEntry::receivedAt))
                .forEach(entry -> restarted.entries.put(entry.event().token(), entry));
        restarted.makeDurable();
        return restarted;
    }

    @Override
    public synchronized boolean isOpen() {
        return open && !down;
    }

    /** Makes the journal report itself closed, as a store that lost its file would. */
    public synchronized void close() {
        open = false;
    }
}
