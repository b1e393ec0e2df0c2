package com.marketbridge.adapter.metrics;

import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.port.out.FulfilmentMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The connector's meters, kept by Micrometer and scraped in Prometheus's text format: what the fulfilment reports (the
 * {@link FulfilmentMetrics} port), upstream calls, requests served, the journal's write-outs and state, and the JVM's
 * own. Every name starts with {@code marketbridge_} (the JVM's meters are renamed so); every label is of a small closed
 * set, never a company, user, email, event token or credential (README, Metrics, lists them).
 *
 * <p>The registry is built on first use, or by {@link #prepare()}: building it loads Micrometer and the Prometheus
 * client (60-100 ms of CPU in a cold JVM, with the class-data archive), which a connector does not need to be ready.
 */
public final class PrometheusMetrics implements AutoCloseable {

    static final String PREFIX = "marketbridge.";
    /** How long the journal's figures are reused: a scrape, or several scrapers, cost the journal one query at most. */
    static final Duration JOURNAL_READ_EVERY = Duration.ofSeconds(5);

    private final FulfilmentMetrics fulfilment = new FulfilmentMetricsAdapter(this::registry);
    private final JvmMeters jvm = new JvmMeters();
    private final Clock clock;
    private final Timer.Builder journalWriteOuts = Timer.builder(PREFIX + "journal.write.out")
            .description("Write-outs of the embedded journal: its commits written to the file and forced to the device");
    /** What to bind once the registry is built; guarded by this. */
    private final List<MeterBinder> pending = new ArrayList<>();
    private volatile PrometheusMeterRegistry registry;

    PrometheusMetrics(Clock clock) {
        this.clock = clock;
    }

    /** The connector's meters; the registry is built by {@link #prepare()} or on first use. */
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
                .register(registry()).record(took);
    }

    /** One request answered by the connector's HTTP server; {@code route} is the route's template, never the raw path. */
    public void served(String method, String route, int status, Duration took) {
        Timer.builder(PREFIX + "http.server.requests")
                .description("Requests the connector answered, by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry()).record(took);
    }

    /** One write-out of the journal's commits to its device (the group commit's, shared by the events waiting on it). */
    public void journalWrittenOut(Duration took) {
        journalWriteOuts.register(registry()).record(took);
    }

    /**
     * Gauges of the journal from its {@code overview}: its events by state (a state it does not count counts 0) and the
     * age of the oldest waiting event (0 when none waits). The overview is read at most every
     * {@link #JOURNAL_READ_EVERY}, on a scrape; if the read fails, the gauges are NaN until it reads again.
     */
    public void registerJournalGauges(Supplier<EventQueries.Overview> overview) {
        bindOnceBuilt(new JournalGauges(overview, clock, JOURNAL_READ_EVERY));
    }

    /**
     * Builds the registry, if no use did yet, and binds the JVM's and the process's meters: memory, garbage collection,
     * threads, classes, processor, uptime, file descriptors. They load the JVM's management beans, so the start calls
     * this once the connector is ready, off its path; a scrape sooner binds them itself.
     */
    public void prepare() {
        jvm.bind(registry());
    }

    /** Every meter in Prometheus's text format (version 0.0.4). */
    public String scrape() {
        prepare();
        return registry().scrape();
    }

    /** Stops listening to the garbage collector. */
    @Override
    public synchronized void close() {
        jvm.close();
        if (registry != null) {
            registry.close();
        }
    }

    /** Binds {@code binder} to the registry now if it is built, else as soon as it is: registering builds nothing. */
    private synchronized void bindOnceBuilt(MeterBinder binder) {
        if (registry == null) {
            pending.add(binder);
        } else {
            binder.bindTo(registry);
        }
    }

    private PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry built = registry;
        return built != null ? built : build();
    }

    private synchronized PrometheusMeterRegistry build() {
        if (registry == null) {
            PrometheusMeterRegistry built = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            built.config().meterFilter(new MeterFilter() {
                @Override
                public Meter.Id map(Meter.Id id) {
                    return id.getName().startsWith(PREFIX) ? id : id.withName(PREFIX + id.getName());
                }
            });
            pending.forEach(binder -> binder.bindTo(built));
            pending.clear();
            registry = built;
        }
        return registry;
    }
}
