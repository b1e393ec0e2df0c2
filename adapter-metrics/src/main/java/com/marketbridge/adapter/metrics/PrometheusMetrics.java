package com.marketbridge.adapter.metrics;

import com.marketbridge.application.port.out.FulfilmentMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The connector's meters, kept by Micrometer and scraped in Prometheus's text format: what the fulfilment reports (the
 * {@link FulfilmentMetrics} port), upstream calls, requests served, the journal's write-outs and state, and the JVM's
 * own. Every name starts with {@code marketbridge_} (the JVM's meters are renamed so); every label is of a small closed
 * set, never a company, user, email, event token or credential (README, Metrics, lists them).
 */
public final class PrometheusMetrics implements AutoCloseable {

    static final String PREFIX = "marketbridge.";
    /** How long the journal's figures are reused: a scrape, or several scrapers, cost the journal one query at most. */
    static final Duration JOURNAL_READ_EVERY = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry;
    private final FulfilmentMetrics fulfilment;
    private final JvmMeters jvm;
    private final Clock clock;
    private final Timer.Builder journalWriteOuts = Timer.builder(PREFIX + "journal.write.out")
            .description("Write-outs of the embedded journal: its commits written to the file and forced to the device");

    PrometheusMetrics(Clock clock) {
        this.clock = clock;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith(PREFIX) ? id : id.withName(PREFIX + id.getName());
            }
        });
        this.fulfilment = new FulfilmentMetricsAdapter(registry);
        this.jvm = new JvmMeters(registry);
    }

    /** The connector's meters, the JVM's bound on {@link #bindJvm()} or the first scrape. */
    public static PrometheusMetrics create() {
        return new PrometheusMetrics(Clock.systemUTC());
    }

    /** Where the fulfilment service and its worker report. */
    public FulfilmentMetrics fulfilment() {
        return fulfilment;
    }

    /**
     * One call to an upstream: {@code upstream} {@code appdirect} or {@code webex}; {@code operation} a name of a fixed
     * set, such as the Feign method's (never a URL, which holds ids and emails); {@code status} the HTTP status, or
     * {@code IO_ERROR}, {@code TIMEOUT}, {@code TOO_LARGE} when no whole answer came.
     */
    public void upstreamCalled(String upstream, String operation, String status, Duration took) {
        Timer.builder(PREFIX + "upstream.calls")
                .description("Calls to AppDirect and Webex, token requests included, by operation and HTTP status")
                .tags("upstream", upstream, "operation", operation, "status", status)
                .register(registry).record(took);
    }

    /** One request answered by the connector's HTTP server; {@code route} is the route's template, never the raw path. */
    public void served(String method, String route, int status, Duration took) {
        Timer.builder(PREFIX + "http.server.requests")
                .description("Requests the connector answered, by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry).record(took);
    }

    /** One write-out of the journal's commits to its device (the group commit's, shared by the events waiting on it). */
    public void journalWrittenOut(Duration took) {
        journalWriteOuts.register(registry).record(took);
    }

    /**
     * Gauges of the journal: its events by state ({@code perState}, keyed by the state's name; a state it does not name
     * counts 0) and the age of the oldest waiting event ({@code oldestWaiting}'s time; 0 when none waits). The two are
     * read together at most every {@link #JOURNAL_READ_EVERY}, on a scrape; if they fail, the gauges are NaN until they
     * read again.
     */
    public void registerJournalGauges(Supplier<Map<String, Long>> perState, Supplier<Optional<Instant>> oldestWaiting) {
        new JournalGauges(perState, oldestWaiting, clock, JOURNAL_READ_EVERY).register(registry);
    }

    /**
     * Binds the JVM's and the process's meters, once: memory, garbage collection, threads, classes, processor, uptime,
     * file descriptors. They load the JVM's management beans, which a connector does not need to be ready, so the start
     * calls this once it is, off its path; a scrape sooner binds them itself.
     */
    public void bindJvm() {
        jvm.bind();
    }

    /** Every meter in Prometheus's text format (version 0.0.4). */
    public String scrape() {
        jvm.bind();
        return registry.scrape();
    }

    /** Stops listening to the garbage collector. */
    @Override
    public void close() {
        jvm.close();
        registry.close();
    }
}
