package com.marketbridge.adapter.metrics;

import com.marketbridge.application.port.out.FulfilmentMetrics;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.outcome.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fulfilment's reports as Micrometer meters, labelled by the event's type (one of the types the connector handles,
 * {@code UNSUPPORTED} for any other, {@code NONE} when no event was fetched), the outcome's kind and its failure reason:
 * closed sets, whatever the event or the outcome's message holds.
 */
final class FulfilmentMetricsAdapter implements FulfilmentMetrics {

    /** Around the 3 s response budget and AppDirect's 5 s patience, and the tens of milliseconds of a usual answer. */
    private static final Duration[] ANSWER_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4_500), Duration.ofSeconds(5)};
    private static final String NO_REASON = "none";

    private final Supplier<MeterRegistry> registry;

    /** {@code registry} gives the registry, built on its first use. */
    FulfilmentMetricsAdapter(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void answered(Optional<MarketplaceEvent> event, Outcome answer, Duration took) {
        Counter.builder(PrometheusMetrics.PREFIX + "events")
                .description("Notifications answered, by the event's type and the answer's outcome")
                .tags("type", event.map(FulfilmentMetricsAdapter::type).orElse("NONE"),
                        "outcome", kind(answer), "reason", reason(answer))
                .register(registry.get()).increment();
        Timer.builder(PrometheusMetrics.PREFIX + "answer")
                .description("How long the marketplace waited for the answer to a notification")
                .serviceLevelObjectives(ANSWER_BUCKETS)
                .tags("outcome", kind(answer))
                .register(registry.get()).record(took);
    }

    @Override
    public void retrying(MarketplaceEvent event) {
        Counter.builder(PrometheusMetrics.PREFIX + "event.retries")
                .description("Attempts that left their event waiting, to be tried again")
                .tags("type", type(event))
                .register(registry.get()).increment();
    }

    @Override
    public void finished(MarketplaceEvent event, Outcome outcome) {
        Counter.builder(PrometheusMetrics.PREFIX + "events.finished")
                .description("Events the worker finished, answered or posted, by type and final outcome")
                .tags("type", type(event), "outcome", kind(outcome), "reason", reason(outcome))
                .register(registry.get()).increment();
    }

    @Override
    public void resultDelivery(ResultDelivery delivery) {
        Counter.builder(PrometheusMetrics.PREFIX + "result.deliveries")
                .description("Tries at posting a result to the marketplace: delivered, retried later, or parked")
                .tags("outcome", delivery.name().toLowerCase(Locale.ROOT))
                .register(registry.get()).increment();
    }

    /** The marketplace's name of a type the connector handles; a type it does not know is named by the marketplace. */
    private static String type(MarketplaceEvent event) {
        return event instanceof UnsupportedEvent ? "UNSUPPORTED" : event.type();
    }

    private static String kind(Outcome outcome) {
        if (outcome instanceof Outcome.Failed) {
            return "failed";
        }
        return outcome instanceof Outcome.Completed ? "completed" : "in_progress";
    }

    private static String reason(Outcome outcome) {
        return outcome instanceof Outcome.Failed failed ? failed.reason().name() : NO_REASON;
    }
}
