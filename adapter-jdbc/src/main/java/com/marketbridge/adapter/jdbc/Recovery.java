package com.marketbridge.adapter.jdbc;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a failed journal back, on a thread of its own: tries after {@link #FIRST}, then with the pause doubling up
 * to {@link #MOST}, until it works; then runs what waits for it. Disk space is freed, or a file made writable, at a
 * moment nobody announces, and trying is cheap: open the file, write one row.
 */
final class Recovery implements AutoCloseable {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MOST = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final BooleanSupplier attempt;
    private final BooleanSupplier needed;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "marketbridge-journal-recovery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Runnable recovered = () -> { };
    private boolean trying;

    /**
     * @param attempt one try at bringing the journal back; true if it is
     * @param needed  whether the journal is down, read without waiting for an attempt under way
     */
    Recovery(BooleanSupplier attempt, BooleanSupplier needed) {
        this.attempt = attempt;
        this.needed = needed;
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** What runs after each recovery, on the recovery's thread. */
    void afterwards(Runnable recovered) {
        this.recovered = recovered;
    }

    /** Starts trying, unless it already does. */
    synchronized void start() {
        if (!trying) {
            trying = true;
            schedule(FIRST);
        }
    }

    private void tryOnce(Duration pause) {
        boolean back = safely(attempt::getAsBoolean);
        if (back) {
            safely(() -> {
                recovered.run();
                return true;
            });
        }
        synchronized (this) {
            // a failure after the attempt found `trying` set and left the next attempt to this thread
            if (back && !needed.getAsBoolean()) {
                trying = false;
                return;
            }
            schedule(back ? FIRST : longer(pause));
        }
    }

    private static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(MOST) > 0 ? MOST : doubled;
    }

    private void schedule(Duration pause) {
        try {
            timer.schedule(() -> tryOnce(pause), pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the journal is closing: there is nothing left to bring back
        }
    }

    private static boolean safely(BooleanSupplier work) {
        try {
            return work.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.error("Recovering the journal failed unexpectedly; trying again", e);
            return false;
        }
    }

    /** Stops trying; an attempt under way finishes first. */
    @Override
    public void close() {
        timer.shutdown();
    }
}
