package com.marketbridge.bootstrap;

import com.marketbridge.adapter.appdirect.AppDirect;
import com.marketbridge.adapter.appdirect.AppDirectSettings;
import com.marketbridge.adapter.http.HttpSettings;
import com.marketbridge.adapter.http.WebhookServer;
import com.marketbridge.adapter.webex.WebexSettings;
import com.marketbridge.adapter.webex.WebexWholesale;
import com.marketbridge.adapter.jdbc.JdbcEventJournal;
import com.marketbridge.application.service.AsyncSettings;
import com.marketbridge.application.service.FulfilmentSettings;
import com.marketbridge.application.service.FulfilmentWorker;
import com.marketbridge.application.service.HandleMarketplaceEventService;
import com.marketbridge.application.service.Sleeper;
import com.marketbridge.application.service.Webex;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.edition.EditionCatalog;
import java.time.Clock;
import java.time.Duration;

/** The running connector, wired by hand from its settings: adapters around the fulfilment service and its worker. */
final class Connector implements AutoCloseable {

    /** How often a notification looks at a customer Webex is still provisioning, within PROVISIONING_WAIT_MS. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final JdbcEventJournal journal;
    private final FulfilmentWorker worker;
    private final WebhookServer server;

    private Connector(JdbcEventJournal journal, FulfilmentWorker worker, WebhookServer server) {
        this.journal = journal;
        this.worker = worker;
        this.server = server;
    }

    static Connector start(Settings settings) {
        Clock clock = Clock.systemUTC();
        AppDirect appDirect = AppDirect.connect(new AppDirectSettings(settings.marketplaceBaseUrl(),
                settings.oauthClientId(), settings.oauthClientSecret(), settings.basicUsername(), settings.basicPassword(),
                settings.oauth1ConsumerKey(), settings.oauth1ConsumerSecret(), null, null, clock));
        WebexWholesale wholesale = WebexWholesale.connect(WebexSettings.of(settings.webexBaseUrl(), settings.webexToken(),
                        settings.webexClientId(), settings.webexClientSecret(), settings.webexRefreshToken())
                .withExtensionRange(settings.extensionFrom(), settings.extensionTo()));
        Webex webex = new Webex(wholesale.customers(), wholesale.subscribers(), wholesale.locations(),
                wholesale.extensions(), wholesale.people());
        EditionCatalog catalog = EditionCatalog.of(settings.editionPackages(), EditionCatalog.DEFAULT_CALLING_PACKAGES);
        CustomerTemplate template = new CustomerTemplate(settings.provisioningId(), settings.customerPackages(),
                settings.address(), settings.timezone());
        FulfilmentSettings fulfilment = new FulfilmentSettings(catalog, template, settings.provisioningWait(),
                POLL_INTERVAL, clock, Sleeper.system(), settings.deactivationPolicy());
        AsyncSettings async = new AsyncSettings(settings.responseBudget(), settings.eventDeadline(),
                AsyncSettings.DEFAULTS.firstRetry(), AsyncSettings.DEFAULTS.maxRetry(), settings.workers(),
                AsyncSettings.DEFAULTS.resultAttemptBudget());
        JdbcEventJournal journal = JdbcEventJournal.open(settings.dataDir());
        FulfilmentWorker worker = new FulfilmentWorker(webex, fulfilment, journal, journal.subscriptions(),
                appDirect.results(), async);
        HandleMarketplaceEventService service = new HandleMarketplaceEventService(appDirect.credentials(),
                appDirect.events(), journal, worker, async);
        WebhookServer server = WebhookServer.start(
                new HttpSettings("0.0.0.0", settings.port(), HttpSettings.DEFAULT_MAX_REQUEST_BYTES, settings.publicBaseUrl()),
                service, appDirect.answers(), journal::isOpen);
        worker.resumeJournal();
        return new Connector(journal, worker, server);
    }

    int port() {
        return server.port();
    }

    /** Stops taking notifications, lets those in flight finish, then stops the worker and closes the journal. */
    @Override
    public void close() {
        server.close();
        worker.close();
        journal.close();
    }
}
