package com.marketbridge.application.service.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** A bounded pool of named daemon threads, and the timer that hands it work due later (retries, result re-posts). */
final class WorkerThreads implements AutoCloseable {

    private final Clock clock;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;

    WorkerThreads(String name, int threads, Clock clock) {
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(threads, daemon(name));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon(name + "-timer"));
    }

    void execute(Runnable work) {
        pool.execute(work);
    }

    void schedule(Instant at, Runnable work) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        timer.schedule(() -> pool.execute(work), delay, TimeUnit.MILLISECONDS);
    }

    /** Hands the pool {@code work} every {@code period}, the first time one period from now. */
    void repeat(Duration period, Runnable work) {
        timer.scheduleWithFixedDelay(() -> pool.execute(work), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops taking work and lets what runs finish, for a while; an interrupted attempt resumes from the journal. */
    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
