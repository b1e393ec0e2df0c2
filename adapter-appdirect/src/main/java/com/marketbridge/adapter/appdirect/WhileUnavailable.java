package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls AppDirect again while it is unavailable ({@code UPSTREAM_UNAVAILABLE}: 5xx, 408, 429, a redirect, an I/O
 * error, an answer that is not JSON), pausing 200 ms and twice as long after each failure up to 30 s, until the
 * budget is spent. The budget is measured on the monotonic clock: a settable wall clock must not stretch or cut it.
 */
final class WhileUnavailable {

    private static final Logger LOG = LoggerFactory.getLogger(WhileUnavailable.class);

    private WhileUnavailable() {
    }

    /** {@code what} AppDirect is to do, as in "AppDirect did not take the result of event …". */
    static <T> T retry(String what, Duration budget, Supplier<T> call) {
        long deadline = System.nanoTime() + budget.toNanos();
        Duration pause = Inferred.RETRY_FIRST_BACKOFF;
        while (true) {
            try {
                return call.get();
            } catch (UpstreamException e) {
                if (e.reason() != FailureReason.UPSTREAM_UNAVAILABLE) {
                    throw e;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw AuthorizedCalls.withCause(new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                            "AppDirect did not " + what + " within " + readable(budget) + ": " + e.getMessage(), null,
                            e.upstreamStatus().orElse(null)), e);
                }
                Duration wait = pause.compareTo(Duration.ofNanos(left)) < 0 ? pause : Duration.ofNanos(left);
                LOG.info("AppDirect did not {} ({}); retrying in {}", what, e.getMessage(), wait);
                sleep(wait, what);
                pause = pause.multipliedBy(2).compareTo(Inferred.RETRY_MAX_BACKOFF) < 0 ? pause.multipliedBy(2) : Inferred.RETRY_MAX_BACKOFF;
            }
        }
    }

    /** "500 ms", "30 s": the budget as the buyer and the operator read it. */
    private static String readable(Duration budget) {
        long millis = budget.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static void sleep(Duration wait, String what) {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AuthorizedCalls.withCause(new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                    "Interrupted while waiting to try again: AppDirect did not " + what), e);
        }
    }
}
