package com.marketbridge.application.service.scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * How events are worked on in the background: how long a notification waits for its answer, how long an
 * event may take in all, the backoff between attempts (doubling from {@code firstRetry} up to
 * {@code maxRetry}), the worker threads, and how long one attempt to post a result may retry.
 */
public record AsyncSettings(Duration responseBudget, Duration eventDeadline, Duration firstRetry, Duration maxRetry,
                            int workers, Duration resultAttemptBudget) {

    /** AppDirect waits 5 s for an answer; 3 s leaves room for the fetch and the network. */
    public static final AsyncSettings DEFAULTS = new AsyncSettings(Duration.ofSeconds(3), Duration.ofMinutes(30),
            Duration.ofSeconds(5), Duration.ofSeconds(60), 4, Duration.ofSeconds(30));

    public AsyncSettings {
        Objects.requireNonNull(responseBudget, "'responseBudget' must not be null");
        Objects.requireNonNull(eventDeadline, "'eventDeadline' must not be null");
        Objects.requireNonNull(firstRetry, "'firstRetry' must not be null");
        Objects.requireNonNull(maxRetry, "'maxRetry' must not be null");
        Objects.requireNonNull(resultAttemptBudget, "'resultAttemptBudget' must not be null");
        if (firstRetry.isZero() || firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retries need 0 < firstRetry <= maxRetry");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("'workers' must be at least 1");
        }
    }

    public AsyncSettings withResponseBudget(Duration budget) {
        return new AsyncSettings(budget, eventDeadline, firstRetry, maxRetry, workers, resultAttemptBudget);
    }

    public AsyncSettings withEventDeadline(Duration deadline) {
        return new AsyncSettings(responseBudget, deadline, firstRetry, maxRetry, workers, resultAttemptBudget);
    }

    public AsyncSettings withRetries(Duration first, Duration max) {
        return new AsyncSettings(responseBudget, eventDeadline, first, max, workers, resultAttemptBudget);
    }

    public AsyncSettings withWorkers(int threads) {
        return new AsyncSettings(responseBudget, eventDeadline, firstRetry, maxRetry, threads, resultAttemptBudget);
    }

    public AsyncSettings withResultAttemptBudget(Duration budget) {
        return new AsyncSettings(responseBudget, eventDeadline, firstRetry, maxRetry, workers, budget);
    }

    /** The pause before attempt {@code attempts + 1}: doubling from the first retry, capped. */
    Duration backoff(int attempts) {
        Duration pause = firstRetry;
        for (int i = 1; i < attempts && pause.compareTo(maxRetry) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
    }
}
