package com.marketbridge.adapter.metrics;

import com.marketbridge.application.port.out.EventQueries.Overview;
import com.marketbridge.domain.journal.EventState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's events by state and the age of its oldest waiting event, as gauges. Both come from one read of the
 * journal's overview, kept for a while, so that the gauges of one scrape, and the scrapes of several scrapers close
 * together, cost one read.
 */
final class JournalGauges implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(JournalGauges.class);

    private final Supplier<Overview> overview;
    private final Clock clock;
    private final Duration keep;
    private Overview last;
    private Instant readAt;

    JournalGauges(Supplier<Overview> overview, Clock clock, Duration keep) {
        this.overview = overview;
        this.clock = clock;
        this.keep = keep;
    }

    /** Binds the gauges; they hold these gauges strongly, as nothing else does once bound (Micrometer's default is weak). */
    @Override
    public void bindTo(MeterRegistry registry) {
        for (EventState state : EventState.values()) {
            Gauge.builder(PrometheusMetrics.PREFIX + "journal.events", this, gauges -> gauges.count(state))
                    .description("Events in the journal, by state")
                    .tag("state", state.name())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder(PrometheusMetrics.PREFIX + "journal.oldest.waiting.age", this, JournalGauges::oldestWaitingAge)
                .description("How long the oldest event waiting to be tried again has been in the journal; 0 when none waits")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private double count(EventState state) {
        Overview reading = read();
        return reading == null ? Double.NaN : reading.states().getOrDefault(state, 0L);
    }

    private double oldestWaitingAge() {
        Overview reading = read();
        if (reading == null) {
            return Double.NaN;
        }
        return reading.oldestWaiting()
                .map(oldest -> Duration.between(oldest.receivedAt(), clock.instant()).toMillis() / 1000.0).orElse(0.0);
    }

    /** The overview last read, or null if that read failed. */
    private synchronized Overview read() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(keep))) {
            readAt = now;
            try {
                last = overview.get();
            } catch (RuntimeException e) {
                LOG.debug("the journal's gauges could not be read: {}", e.getMessage());
                last = null;
            }
        }
        return last;
    }
}
