package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.domain.customer.WebexCustomer;
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
 * test. It models durability: {@link #afterCrash()} keeps only what {@link #makeDurable()} covered.
 */
public final class InMemoryEventJournal implements EventJournal {

    private final Map<EventToken, JournalEntry> entries = new LinkedHashMap<>();
    private final Map<String, WebexCustomer> customers = new LinkedHashMap<>();
    private Map<EventToken, JournalEntry> durableEntries = Map.of();
    private Map<String, WebexCustomer> durableCustomers = Map.of();
    private boolean open = true;
    private int failingUpdates;
    private CountDownLatch finds = new CountDownLatch(0);

    @Override
    public synchronized boolean recordNew(JournalEntry entry) {
        return entries.putIfAbsent(entry.event().token(), entry) == null;
    }

    @Override
    public synchronized Optional<JournalEntry> find(EventToken token) {
        finds.countDown();
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

    @Override
    public synchronized void update(JournalEntry entry) {
        if (failingUpdates > 0) {
            failingUpdates--;
            throw new IllegalStateException("the journal could not update event " + entry.event().token() + ": disk full");
        }
        if (entries.replace(entry.event().token(), entry) == null) {
            throw new IllegalArgumentException("event " + entry.event().token() + " is not journaled");
        }
    }

    @Override
    public synchronized List<JournalEntry> needingWork() {
        List<JournalEntry> work = new ArrayList<>(entries.values().stream().filter(JournalEntry::needsWork).toList());
        work.sort(Comparator.comparing(JournalEntry::receivedAt));
        return work;
    }

    @Override
    public synchronized Optional<WebexCustomer> knownCustomer(String externalId) {
        return Optional.ofNullable(customers.get(externalId));
    }

    @Override
    public synchronized void rememberCustomer(WebexCustomer customer) {
        customers.put(customer.externalId(), customer);
    }

    @Override
    public synchronized void forgetCustomer(String externalId) {
        customers.remove(externalId);
    }

    @Override
    public synchronized void makeDurable() {
        durableEntries = Map.copyOf(entries);
        durableCustomers = Map.copyOf(customers);
    }

    /** A journal holding what this one would after the process was killed now: the writes made durable. */
    public synchronized InMemoryEventJournal afterCrash() {
        InMemoryEventJournal restarted = new InMemoryEventJournal();
        durableEntries.values().stream().sorted(Comparator.comparing(JournalEntry::receivedAt))
                .forEach(entry -> restarted.entries.put(entry.event().token(), entry));
        restarted.customers.putAll(durableCustomers);
        restarted.makeDurable();
        return restarted;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    /** Makes the journal report itself closed, as a store that lost its file would. */
    public synchronized void close() {
        open = false;
    }
}
