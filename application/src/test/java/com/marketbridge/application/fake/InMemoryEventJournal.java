package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.port.out.JournalUnavailableException;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The journal kept in memory: what the service tests run against, and the reference for the journal's contract
 * test. It models durability: {@link #afterCrash()} keeps only what {@link #makeDurable()} covered, and so does a
 * {@link #fail() failure}, as H2 closing its database after a failed write does.
 */
public final class InMemoryEventJournal implements EventJournal, EventQueries {

    private final Map<EventToken, JournalEntry> entries = new LinkedHashMap<>();
    private Map<EventToken, JournalEntry> durableEntries = Map.of();
    /** Each event's timeline after its receipt; kept as durable as the entries, for simplicity. */
    private final Map<EventToken, List<TimelineEntry>> timelines = new HashMap<>();
    private final Map<String, String> companyNames = new HashMap<>();
    private boolean open = true;
    private boolean down;
    private boolean failingWriteOut;
    private int failingUpdates;
    private CountDownLatch finds = new CountDownLatch(0);

    @Override
    public synchronized boolean recordNew(JournalEntry entry) {
        refuseWhileDown();
        if (entries.putIfAbsent(entry.event().token(), entry) != null) {
            return false;
        }
        if (entry.event() instanceof SubscriptionOrdered order) {
            companyNames.put(order.company().uuid(), order.company().name());
        }
        return true;
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
        JournalEntry old = entries.get(entry.event().token());
        if (old == null) {
            throw new IllegalArgumentException("event " + entry.event().token() + " is not journaled");
        }
        if (old.state() == EventState.RESOLVED) {
            return;
        }
        entries.put(entry.event().token(), old.asynchronous() && !entry.asynchronous()
                ? new JournalEntry(entry.eventUrl(), entry.event(), entry.lane(), entry.state(), entry.attempts(),
                        entry.nextAttemptAt(), entry.outcome(), true, false, entry.receivedAt(), entry.deadline(),
                        entry.updatedAt())
                : entry);
    }

    @Override
    public synchronized void update(JournalEntry entry, TimelineEntry happened) {
        boolean resolved = entries.containsKey(entry.event().token())
                && entries.get(entry.event().token()).state() == EventState.RESOLVED;
        update(entry);
        if (!resolved) {
            timelines.computeIfAbsent(entry.event().token(), token -> new ArrayList<>()).add(happened);
        }
    }

    @Override
    public synchronized void addToTimeline(EventToken token, TimelineEntry happened) {
        refuseWhileDown();
        timelines.computeIfAbsent(token, key -> new ArrayList<>()).add(happened);
    }

    @Override
    public synchronized boolean act(EventState expected, JournalEntry entry, TimelineEntry action) {
        refuseWhileDown();
        JournalEntry old = entries.get(entry.event().token());
        if (old == null || old.state() != expected) {
            return false;
        }
        update(entry, action);
        return true;
    }

    @Override
    public synchronized Page events(Filter filter) {
        refuseWhileDown();
        List<Summary> found = entries.values().stream()
                .filter(entry -> admits(filter, entry))
                .sorted(Comparator.comparing(JournalEntry::receivedAt)
                        .thenComparing(entry -> entry.event().token().value()).reversed())
                .map(this::summary)
                .toList();
        if (found.size() <= filter.limit()) {
            return new Page(found, Optional.empty());
        }
        List<Summary> page = found.subList(0, filter.limit());
        return new Page(page, Optional.of(Cursor.after(page.get(page.size() - 1).entry())));
    }

    private boolean admits(Filter filter, JournalEntry entry) {
        String name = companyNames.get(entry.lane());
        Cursor after = filter.after();
        return (filter.state() == null || entry.state() == filter.state())
                && (filter.type() == null || entry.event().type().equals(filter.type()))
                && (filter.company() == null || filter.company().equals(entry.lane()) || name != null
                && name.toLowerCase(Locale.ROOT).contains(filter.company().toLowerCase(Locale.ROOT)))
                && (filter.since() == null || !entry.receivedAt().isBefore(filter.since()))
                && (filter.until() == null || entry.receivedAt().isBefore(filter.until()))
                && (after == null || entry.receivedAt().isBefore(after.receivedAt()) || entry.receivedAt()
                .equals(after.receivedAt()) && entry.event().token().value().compareTo(after.token()) < 0);
    }

    private Summary summary(JournalEntry entry) {
        return new Summary(entry, entry.event() instanceof UnsupportedEvent ? null
                : new CompanyRef(entry.lane(), companyNames.get(entry.lane())));
    }

    @Override
    public synchronized Optional<History> history(EventToken token) {
        refuseWhileDown();
        return Optional.ofNullable(entries.get(token)).map(entry -> {
            List<TimelineEntry> timeline = new ArrayList<>();
            timeline.add(TimelineEntry.received(entry));
            timeline.addAll(timelines.getOrDefault(token, List.of()));
            return new History(summary(entry), timeline);
        });
    }

    @Override
    public synchronized Overview overview(Instant now) {
        refuseWhileDown();
        Map<EventState, Long> states = new EnumMap<>(EventState.class);
        Map<FailureReason, Long> reasons = new EnumMap<>(FailureReason.class);
        for (EventState state : EventState.values()) {
            states.put(state, 0L);
        }
        long completed = 0;
        long failed = 0;
        Instant dayAgo = now.minus(Duration.ofHours(24));
        for (JournalEntry entry : entries.values()) {
            states.merge(entry.state(), 1L, Long::sum);
            if (entry.state() == EventState.FAILED) {
                reasons.merge(((Outcome.Failed) entry.outcome()).reason(), 1L, Long::sum);
            }
            if (!entry.receivedAt().isBefore(dayAgo)) {
                completed += entry.state() == EventState.COMPLETED ? 1 : 0;
                failed += entry.state() == EventState.FAILED ? 1 : 0;
            }
        }
        Optional<Oldest> oldest = entries.values().stream().filter(entry -> entry.state() == EventState.WAITING)
                .min(Comparator.comparing(JournalEntry::receivedAt).thenComparing(entry -> entry.event().token().value()))
                .map(entry -> new Oldest(entry.event().token(), entry.receivedAt()));
        return new Overview(states, completed, failed, oldest, reasons);
    }

    @Override
    public synchronized boolean promiseResult(EventToken token) {
        refuseWhileDown();
        JournalEntry entry = entries.get(token);
        if (entry == null || entry.state().isFinished()) {
            return false;
        }
        entries.put(token, entry.answeredAsynchronously(entry.updatedAt()));
        return true;
    }

    @Override
    public synchronized List<JournalEntry> needingWork() {
        refuseWhileDown();
        List<JournalEntry> work = new ArrayList<>(entries.values().stream().filter(JournalEntry::needsWork).toList());
        work.sort(Comparator.comparing(JournalEntry::receivedAt));
        return work;
    }

    @Override
    public synchronized List<JournalEntry> needingWork(String lane) {
        return needingWork().stream().filter(entry -> entry.lane().equals(lane)).toList();
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
