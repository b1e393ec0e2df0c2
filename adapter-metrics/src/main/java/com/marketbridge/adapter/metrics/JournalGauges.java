package com.marketbridge.adapter.metrics;

import com.marketbridge.domain.journal.EventState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's events by state and the age of its oldest waiting event, as gauges. Both come from the journal, read
 * together and kept for a while, so that the gauges of one scrape, and the scrapes of several scrapers close together,
 * cost one read.
 */
final class JournalGauges implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(JournalGauges.class);
    private static final Reading UNREAD = new Reading(null, Optional.empty());

    private final Supplier<Map<String, Long>> perState;
    private final Supplier<Optional<Instant>> oldestWaiting;
    private final Clock clock;
    private final Duration keep;
    private Reading last;
    private Instant readAt;

    JournalGauges(Supplier<Map<String, Long>> perState, Supplier<Optional<Instant>> oldestWaiting, Clock clock,
                  Duration keep) {
        this.perState = perState;
        this.oldestWaiting = oldestWaiting;
        this.clock = clock;
        this.keep = keep;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (EventState state : EventState.values()) {
            Gauge.builder(PrometheusMetrics.PREFIX + "journal.events", this, gauges -> gauges.count(state))
                    .description("Events in the journal, by state")
                    .tag("state", state.name())
                    .register(registry);
        }
        Gauge.builder(PrometheusMetrics.PREFIX + "journal.oldest.waiting.age", this, JournalGauges::oldestWaitingAge)
                .description("How long the oldest event waiting to be tried again has been in the journal; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    private double count(EventState state) {
        Reading reading = read();
        return reading.perState() == null ? Double.NaN : reading.perState().getOrDefault(state.name(), 0L);
    }

    private double oldestWaitingAge() {
        Reading reading = read();
        if (reading.perState() == null) {
            return Double.NaN;
        }
        return reading.oldestWaiting().map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(0.0);
    }

    private synchronized Reading read() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(readAt.plus(keep))) {
            readAt = now;
            try {
                last = new Reading(Map.copyOf(perState.get()), oldestWaiting.get());
            } catch (RuntimeException e) {
                LOG.debug("the journal's gauges could not be read: {}", e.getMessage());
                last = UNREAD;
            }
        }
        return last;
    }

    /** What one read of the journal found; {@code perState} null when it failed. */
    private record Reading(Map<String, Long> perState, Optional<Instant> oldestWaiting) {
    }
}
