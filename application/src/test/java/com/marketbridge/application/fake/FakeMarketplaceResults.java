package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The marketplace's result endpoint: records what was posted, and can be told to be unavailable a few times. */
public final class FakeMarketplaceResults implements MarketplaceResults {

    private final List<String> posted = new ArrayList<>();
    private int unavailable;
    private boolean refusing;
    private CountDownLatch hold = new CountDownLatch(0);

    /** The next {@code times} posts fail as unavailable. */
    public synchronized FakeMarketplaceResults unavailable(int times) {
        unavailable = times;
        return this;
    }

    /** Every later post is refused, as a marketplace that no longer knows the event would. */
    public synchronized FakeMarketplaceResults refuse() {
        refusing = true;
        return this;
    }

    /** Later posts are taken again, as after an operator fixed what the marketplace refused. */
    public synchronized FakeMarketplaceResults accept() {
        refusing = false;
        return this;
    }

    /** Posts wait until {@code release} opens, as on a slow marketplace. */
    public synchronized FakeMarketplaceResults holdUntil(CountDownLatch release) {
        hold = release;
        return this;
    }

    @Override
    public void report(EventUrl event, Outcome outcome, Duration budget) {
        CountDownLatch release;
        synchronized (this) {
            release = hold;
        }
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        record(event, outcome);
    }

    private synchronized void record(EventUrl event, Outcome outcome) {
        if (refusing) {
            throw new UpstreamException(FailureReason.UPSTREAM_REJECTED, "the marketplace refused the result");
        }
        if (unavailable > 0) {
            unavailable--;
            throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "the marketplace is down");
        }
        posted.add(event.token() + " " + describe(outcome));
        notifyAll();
    }

    /** What was posted, one line per result: {@code "<token> COMPLETED <accountIdentifier>"} or {@code "<token> FAILED <reason>"}. */
    public synchronized List<String> posted() {
        return List.copyOf(posted);
    }

    /** Waits until {@code count} results were posted, up to {@code timeout}. */
    public synchronized List<String> awaitPosted(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (posted.size() < count && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return posted();
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Completed completed) {
            return "COMPLETED " + completed.accountIdentifier();
        }
        return outcome instanceof Outcome.Failed failed ? "FAILED " + failed.reason() : "IN_PROGRESS";
    }
}
