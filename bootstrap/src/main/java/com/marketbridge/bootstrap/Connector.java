package com.marketbridge.bootstrap;

import com.marketbridge.adapter.appdirect.AppDirect;
import com.marketbridge.adapter.http.AdminAccess;
import com.marketbridge.adapter.http.HttpMetrics;
import com.marketbridge.adapter.http.WebhookServer;
import com.marketbridge.adapter.metrics.PrometheusMetrics;
import com.marketbridge.adapter.webex.WebexWholesale;
import com.marketbridge.adapter.jdbc.JdbcStore;
import com.marketbridge.adapter.jdbc.StoreSettings;
import com.marketbridge.application.port.in.AdminQueries;
import com.marketbridge.application.port.in.OperateEventUseCase;
import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.application.service.AdminQueriesService;
import com.marketbridge.application.service.OperateEventService;
import com.marketbridge.application.service.fulfilment.Fulfilment;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.application.service.HandleMarketplaceEventService;
import com.marketbridge.application.service.fulfilment.Webex;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The running connector, wired by hand from its settings: adapters around the fulfilment service and its worker, and
 * the metrics they report to.
 */
final class Connector implements AutoCloseable {

    private final JdbcStore store;
    private final FulfilmentWorker worker;
    private final WebhookServer server;
    private final List<UpstreamClient> upstreams;
    private final PrometheusMetrics metrics;

    private Connector(JdbcStore store, FulfilmentWorker worker, WebhookServer server,
                      List<UpstreamClient> upstreams, PrometheusMetrics metrics) {
        this.store = store;
        this.worker = worker;
        this.server = server;
        this.upstreams = upstreams;
        this.metrics = metrics;
    }

    /**
     * Starts the connector. The journal (H2 and its migrations), the upstream clients and the HTTP server are
     * each slow to load, so they start side by side; the webhook waits for the service only if a notification
     * comes in during the first second.
     */
    static Connector start(Settings settings) {
        return start(settings, settings.store());
    }

    /** The same, with the journal kept in {@code storage} (for tests: on one of H2's file systems, or PostgreSQL). */
    static Connector start(Settings settings, StoreSettings storage) {
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            return start(settings, storage, starting);
        } finally {
            starting.shutdown();
        }
    }

    private static Connector start(Settings settings, StoreSettings storage, ExecutorService starting) {
        PrometheusMetrics metrics = PrometheusMetrics.create();
        CompletableFuture<JdbcStore> opening = CompletableFuture.supplyAsync(
                () -> JdbcStore.open(storage), starting);
        CompletableFuture<HandleMarketplaceEventService> serving = new CompletableFuture<>();
        CompletableFuture<MarketplaceAnswers> answering = new CompletableFuture<>();
        CompletableFuture<FulfilmentWorker> working = new CompletableFuture<>();
        Clock clock = settings.fulfilment().clock();
        // the admin API waits for the store and the worker, as the webhook waits for the service
        CompletableFuture<AdminQueries> reading = new CompletableFuture<>();
        CompletableFuture<OperateEventUseCase> operating = new CompletableFuture<>();
        Optional<AdminAccess> admin = settings.admin().map(account -> new AdminAccess(account,
                new AwaitedAdminQueries(reading), command -> operating.join().operate(command)));
        CompletableFuture<WebhookServer> listening = CompletableFuture.supplyAsync(() -> WebhookServer.start(settings.http(),
                command -> serving.join().handle(command), outcome -> answering.join().answer(outcome),
                () -> opening.isDone() && !opening.isCompletedExceptionally() && opening.join().journal().isOpen()
                        && working.isDone() && working.join().isSound(),
                new HttpMetrics(metrics::scrape, metrics::served), admin, clock), starting);
        UpstreamClient appDirectHttp = UpstreamClient.of(settings.appDirect(),
                (operation, status, took) -> metrics.upstreamCalled("appdirect", operation, status, took));
        AppDirect appDirect = AppDirect.connect(settings.appDirect(), appDirectHttp);
        answering.complete(appDirect.answers());
        UpstreamClient webexHttp = UpstreamClient.of(settings.webex(),
                (operation, status, took) -> metrics.upstreamCalled("webex", operation, status, took));
        WebexWholesale wholesale = WebexWholesale.connect(settings.webex(), webexHttp);
        Webex webex = new Webex(wholesale.customers(), wholesale.subscribers(), wholesale.locations(),
                wholesale.extensions(), wholesale.people());
        JdbcStore store;
        WebhookServer server;
        try {
            store = opening.join();
            server = listening.join();
        } catch (CompletionException e) {
            opening.thenAccept(JdbcStore::close);
            listening.thenAccept(WebhookServer::close);
            metrics.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        store.timeWriteOuts(metrics::journalWrittenOut);
        metrics.registerJournalGauges(() -> store.queries().overview(clock.instant()));
        FulfilmentWorker worker = new FulfilmentWorker(
                new Fulfilment(webex, settings.fulfilment(), store.subscriptions(), store.reservations(),
                        store.knownCustomers()),
                store.journal(), store.leases(), appDirect.results(), settings.async(), clock, metrics.fulfilment());
        // resumed events are in flight before the first notification, so a redelivery of one waits for its outcome
        worker.resumeJournal();
        // after a failure the journal may have lost progress the worker counted on: it takes up what is left undone
        store.onRecovery(worker::resumeJournal);
        working.complete(worker);
        reading.complete(new AdminQueriesService(store.queries(), store.subscriptions(), clock));
        operating.complete(new OperateEventService(store.journal(), store.queries(), worker));
        serving.complete(new HandleMarketplaceEventService(appDirect.credentials(), appDirect.events(), store.journal(),
                worker, settings.async(), metrics.fulfilment()));
        return new Connector(store, worker, server, List.of(appDirectHttp, webexHttp), metrics);
    }

    int port() {
        return server.port();
    }

    /**
     * Builds the HTTP clients of AppDirect and Webex, which load the JDK's TLS context and trust store (about 0.4 s
     * of CPU in a cold JVM, measured with the JDK's client), on a thread of its own. The connector needs them for its first upstream call, not to
     * take notifications, so this runs once it is ready; a notification that comes in sooner builds them itself.
     */
    CompletableFuture<Void> prepareUpstreams() {
        CompletableFuture<Void> prepared = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                upstreams.forEach(UpstreamClient::prepare);
                prepared.complete(null);
            } catch (RuntimeException | Error e) {
                // the first call builds them again, and fails there if it must
                prepared.completeExceptionally(e);
            }
        }, "marketbridge-prepare");
        thread.setDaemon(true);
        thread.start();
        return prepared;
    }

    /**
     * Builds the metrics' registry and binds the JVM's meters (memory, garbage collection, threads...), which load
     * Micrometer, the Prometheus client and the JVM's management beans, on a thread of its own: the connector does not
     * need them to be ready, so this runs once it is; a notification or a scrape sooner builds what it needs itself.
     */
    void prepareMetrics() {
        Thread thread = new Thread(metrics::prepare, "marketbridge-metrics");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops taking notifications, lets those in flight finish, then stops the worker and closes the journal. */
    @Override
    public void close() {
        server.close();
        worker.close();
        store.close();
        metrics.close();
    }
}
