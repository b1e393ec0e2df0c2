package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.LaneLeases;
import com.marketbridge.application.port.out.LeaseLostException;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lane leases kept in memory. {@link #sole()}: one connector's, always its own. {@link #sharedTable} then
 * {@link #connector}: the leases of several connectors on one table, expiring by a clock the test moves, so two
 * workers on one {@link InMemoryEventJournal} act as two connectors sharing a store, each through its
 * {@link #fenced} view of it.
 */
public final class InMemoryLaneLeases implements LaneLeases {

    private final Table table;
    private final String owner;

    private InMemoryLaneLeases(Table table, String owner) {
        this.table = table;
        this.owner = owner;
    }

    /** The leases of a connector alone on its store. */
    public static InMemoryLaneLeases sole() {
        return new InMemoryLaneLeases(null, "sole");
    }

    /** A lease table that connectors share, leases lasting {@code term} by {@code clock}. */
    public static Table sharedTable(Clock clock, Duration term) {
        return new Table(clock, term);
    }

    /** The leases of one connector on the shared table. */
    public static InMemoryLaneLeases connector(Table table, String name) {
        return new InMemoryLaneLeases(table, name);
    }

    @Override
    public boolean take(String lane) {
        return table == null || table.take(lane, owner);
    }

    @Override
    public boolean holds(String lane) {
        return table == null || table.holds(lane, owner);
    }

    @Override
    public void release(String lane) {
        if (table != null) {
            table.release(lane, owner);
        }
    }

    @Override
    public Duration term() {
        return table == null ? Duration.ofDays(1) : table.term;
    }

    @Override
    public boolean shared() {
        return table != null;
    }

    /**
     * This connector's view of a journal shared with others, fenced as PostgreSQL's: an event's update is refused
     * once another connector took its lane; counts the updates it made.
     */
    public Fenced fenced(InMemoryEventJournal journal) {
        return new Fenced(journal);
    }

    public final class Fenced extends ForwardingEventJournal {

        private final AtomicInteger updates = new AtomicInteger();
        private volatile Pause pause;
        private volatile Pause finishPause;
        private volatile Pause lanePause;

        private Fenced(InMemoryEventJournal journal) {
            super(journal);
        }

        /** How many updates this connector made. */
        public int updates() {
            return updates.get();
        }

        /**
         * The next update counts {@code paused} down and waits for {@code resume}, as a connector paused (a long
         * garbage collection, a frozen VM) just before it writes.
         */
        public void pauseBeforeNextUpdate(CountDownLatch paused, CountDownLatch resume) {
            pause = new Pause(paused, resume);
        }

        /** The next update that finishes an event pauses as {@link #pauseBeforeNextUpdate} does. */
        public void pauseBeforeNextFinish(CountDownLatch paused, CountDownLatch resume) {
            finishPause = new Pause(paused, resume);
        }

        /** The next read of a lane's work pauses once read, before it is returned, as a slow caller would. */
        public void pauseAfterNextLaneRead(CountDownLatch paused, CountDownLatch resume) {
            lanePause = new Pause(paused, resume);
        }

        @Override
        public void update(JournalEntry entry) {
            fenced(entry, () -> super.update(entry));
        }

        @Override
        public void update(JournalEntry entry, TimelineEntry happened) {
            fenced(entry, () -> super.update(entry, happened));
        }

        private void fenced(JournalEntry entry, Runnable write) {
            Pause paused = pause;
            if (paused != null) {
                pause = null;
                paused.hold();
            }
            Pause finishing = finishPause;
            if (finishing != null && entry.state().isFinished()) {
                finishPause = null;
                finishing.hold();
            }
            synchronized (table) { // no take-over between the check and the write
                if (!table.heldLastBy(entry.lane(), owner)) {
                    throw new LeaseLostException(entry.lane());
                }
                write.run();
                updates.incrementAndGet();
            }
        }

        @Override
        public List<JournalEntry> needingWork(String lane) {
            List<JournalEntry> work = super.needingWork(lane);
            Pause paused = lanePause;
            if (paused != null) {
                lanePause = null;
                paused.hold();
            }
            return work;
        }
    }

    private record Pause(CountDownLatch reached, CountDownLatch resume) {

        void hold() {
            reached.countDown();
            try {
                resume.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The holder of each lane and until when; a connector that does not take its lanes again loses them. */
    public static final class Table {

        private final Clock clock;
        private final Duration term;
        private final Map<String, Lease> leases = new HashMap<>();

        private Table(Clock clock, Duration term) {
            this.clock = clock;
            this.term = term;
        }

        private record Lease(String owner, Instant expiresAt) {
        }

        synchronized boolean take(String lane, String owner) {
            Lease lease = leases.get(lane);
            if (lease != null && !lease.owner().equals(owner) && lease.expiresAt().isAfter(clock.instant())) {
                return false;
            }
            leases.put(lane, new Lease(owner, clock.instant().plus(term)));
            return true;
        }

        synchronized boolean holds(String lane, String owner) {
            Lease lease = leases.get(lane);
            return lease != null && lease.owner().equals(owner) && lease.expiresAt().isAfter(clock.instant());
        }

        synchronized void release(String lane, String owner) {
            leases.computeIfPresent(lane, (key, lease) -> lease.owner().equals(owner) ? null : lease);
        }

        /** Whether the lane's last taker is {@code owner}, expired or not: nobody took the lane from it. */
        synchronized boolean heldLastBy(String lane, String owner) {
            Lease lease = leases.get(lane);
            return lease != null && lease.owner().equals(owner);
        }

        /** Who holds the lane now, by the clock; null if nobody. */
        public synchronized String holder(String lane) {
            Lease lease = leases.get(lane);
            return lease != null && lease.expiresAt().isAfter(clock.instant()) ? lease.owner() : null;
        }
    }
}
