package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.FulfilmentMetrics;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records what is reported, one line each: {@code "answered <type> <kind>"}, {@code "retrying <type>"},
 * {@code "finished <type> <kind>"}, {@code "result <delivery>"}; a kind is {@code COMPLETED}, {@code FAILED/<reason>} or
 * {@code IN_PROGRESS}, a missing event's type {@code -}.
 */
public final class RecordingFulfilmentMetrics implements FulfilmentMetrics {

    private final List<String> reported = new ArrayList<>();

    @Override
    public void answered(Optional<MarketplaceEvent> event, Outcome answer, Duration took) {
        if (took.isNegative()) {
            throw new IllegalArgumentException("a negative duration: " + took);
        }
        record("answered " + event.map(MarketplaceEvent::type).orElse("-") + " " + kind(answer));
    }

    @Override
    public void retrying(MarketplaceEvent event) {
        record("retrying " + event.type());
    }

    @Override
    public void finished(MarketplaceEvent event, Outcome outcome) {
        record("finished " + event.type() + " " + kind(outcome));
    }

    @Override
    public void resultDelivery(ResultDelivery delivery) {
        record("result " + delivery);
    }

    private synchronized void record(String line) {
        reported.add(line);
        notifyAll();
    }

    public synchronized List<String> reported() {
        return List.copyOf(reported);
    }

    /** Waits until {@code line} was reported, up to {@code timeout}; returns everything reported by then. */
    public synchronized List<String> awaitReported(String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reported.contains(line) && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return reported();
    }

    private static String kind(Outcome outcome) {
        if (outcome instanceof Outcome.Failed failed) {
            return "FAILED/" + failed.reason();
        }
        return outcome instanceof Outcome.Completed ? "COMPLETED" : "IN_PROGRESS";
    }
}
