package com.marketbridge.application.embedding;

import com.marketbridge.application.port.in.HandleMarketplaceEventUseCase;
import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.ExtensionReservations;
import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.application.port.out.LaneLeases;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.application.service.HandleMarketplaceEventService;
import com.marketbridge.application.service.fulfilment.DeactivationPolicy;
import com.marketbridge.application.service.fulfilment.Fulfilment;
import com.marketbridge.application.service.fulfilment.FulfilmentSettings;
import com.marketbridge.application.service.fulfilment.Sleeper;
import com.marketbridge.application.service.fulfilment.Webex;
import com.marketbridge.application.service.scheduling.AsyncSettings;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.subscription.ExtensionRange;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point of a connector that embeds MarketBridge: wires the use case from the driven ports the connector
 * implements, starts the background worker that fulfils events, and hands back the driving port,
 * {@link HandleMarketplaceEventUseCase}. The services behind it are internal; this is the one supported way to run
 * them.
 *
 * <pre>{@code
 * try (EmbeddedConnector connector = EmbeddedConnector.builder()
 *         .marketplace(credentials, events, results)
 *         .webex(customers, subscribers, locations, extensions, people)
 *         .stores(journal, subscriptions, reservations, knownCustomers)
 *         .customerTemplate(template)
 *         .start()) {
 *     Outcome outcome = connector.useCase().handle(command);
 * }
 * }</pre>
 *
 * <p>Starting takes up what the journal holds unfinished or unposted, as a restart of the webhook connector does.
 * The connector is thread-safe: any number of threads may call the use case.
 */
public final class EmbeddedConnector implements AutoCloseable {

    private final FulfilmentWorker worker;
    private final HandleMarketplaceEventUseCase useCase;

    private EmbeddedConnector(FulfilmentWorker worker, HandleMarketplaceEventUseCase useCase) {
        this.worker = worker;
        this.useCase = useCase;
    }

    /** A builder with the defaults of the webhook connector; the ports and the customer template are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The driving port: hand it each notification of the marketplace. */
    public HandleMarketplaceEventUseCase useCase() {
        return useCase;
    }

    /**
     * Stops the background worker and its result deliveries. Events not finished stay in the journal and are taken up
     * by the next {@link Builder#start()} on it.
     */
    @Override
    public void close() {
        worker.close();
    }

    /** Collects the driven ports and the settings, then {@link #start() starts} the connector. Not thread-safe. */
    public static final class Builder {

        private MarketplaceCredentials credentials;
        private MarketplaceEvents events;
        private MarketplaceResults results;
        private Webex webex;
        private EventJournal journal;
        private Subscriptions subscriptions;
        private ExtensionReservations reservations;
        private KnownCustomers knownCustomers;
        private LaneLeases leases = LaneLeases.SOLE;
        private CustomerTemplate template;
        private EditionCatalog catalog = EditionCatalog.defaults();
        private ExtensionRange extensions = ExtensionRange.DEFAULT;
        private Duration provisioningWait = Duration.ofSeconds(2);
        private AsyncSettings async = AsyncSettings.DEFAULTS;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The marketplace side: who verifies notifications, where events are fetched, where results are posted. */
        public Builder marketplace(MarketplaceCredentials credentials, MarketplaceEvents events, MarketplaceResults results) {
            this.credentials = Objects.requireNonNull(credentials, "'credentials' must not be null");
            this.events = Objects.requireNonNull(events, "'events' must not be null");
            this.results = Objects.requireNonNull(results, "'results' must not be null");
            return this;
        }

        /** The Webex Wholesale side, one port per kind of Webex resource. */
        public Builder webex(WebexCustomers customers, WebexSubscribers subscribers, WebexLocations locations,
                             WebexExtensions extensions, WebexPeople people) {
            this.webex = new Webex(customers, subscribers, locations, extensions, people);
            return this;
        }

        /**
         * Where the connector keeps what it knows. {@code journal}'s {@link EventJournal#makeDurable()} must cover the
         * writes of the other three (they are meant to live in one store).
         */
        public Builder stores(EventJournal journal, Subscriptions subscriptions, ExtensionReservations reservations,
                              KnownCustomers knownCustomers) {
            this.journal = Objects.requireNonNull(journal, "'journal' must not be null");
            this.subscriptions = Objects.requireNonNull(subscriptions, "'subscriptions' must not be null");
            this.reservations = Objects.requireNonNull(reservations, "'reservations' must not be null");
            this.knownCustomers = Objects.requireNonNull(knownCustomers, "'knownCustomers' must not be null");
            return this;
        }

        /**
         * The leases of a store that several connectors share. Without them the connector assumes it is alone on its
         * stores: every lane is its own.
         */
        public Builder leases(LaneLeases sharedLeases) {
            this.leases = Objects.requireNonNull(sharedLeases, "'sharedLeases' must not be null");
            return this;
        }

        /** What every new Webex customer gets: required. */
        public Builder customerTemplate(CustomerTemplate customerTemplate) {
            this.template = Objects.requireNonNull(customerTemplate, "'customerTemplate' must not be null");
            return this;
        }

        /** The edition → package mapping; {@link EditionCatalog#defaults()} unless set. */
        public Builder editions(EditionCatalog editions) {
            this.catalog = Objects.requireNonNull(editions, "'editions' must not be null");
            return this;
        }

        /** Where calling users' extensions are taken from; {@link ExtensionRange#DEFAULT} unless set. */
        public Builder extensionRange(ExtensionRange range) {
            this.extensions = Objects.requireNonNull(range, "'range' must not be null");
            return this;
        }

        /**
         * How long one attempt waits for a Webex customer being provisioned (2 s unless set); must be below the
         * response budget.
         */
        public Builder provisioningWait(Duration wait) {
            this.provisioningWait = Objects.requireNonNull(wait, "'wait' must not be null");
            return this;
        }

        /**
         * How long {@link HandleMarketplaceEventUseCase#handle} waits for an event to finish (3 s unless set) before it
         * answers "accepted" and the result goes to {@link MarketplaceResults} later.
         */
        public Builder responseBudget(Duration budget) {
            this.async = async.withResponseBudget(Objects.requireNonNull(budget, "'budget' must not be null"));
            return this;
        }

        /** How long an event may wait for Webex in all before it fails (30 minutes unless set). */
        public Builder eventDeadline(Duration deadline) {
            this.async = async.withEventDeadline(Objects.requireNonNull(deadline, "'deadline' must not be null"));
            return this;
        }

        /**
         * The pause between attempts of an event that waits for Webex: {@code first}, doubling up to {@code max}
         * (5 s and 60 s unless set).
         *
         * @throws IllegalArgumentException {@code first} is not positive, or {@code max} is below it
         */
        public Builder retryBackoff(Duration first, Duration max) {
            this.async = async.withRetries(Objects.requireNonNull(first, "'first' must not be null"),
                    Objects.requireNonNull(max, "'max' must not be null"));
            return this;
        }

        /**
         * The background threads working on events (4 unless set).
         *
         * @throws IllegalArgumentException fewer than one
         */
        public Builder workers(int threads) {
            this.async = async.withWorkers(threads);
            return this;
        }

        /** The clock of the journal's times and deadlines; the system's UTC clock unless set. */
        public Builder clock(Clock eventClock) {
            this.clock = Objects.requireNonNull(eventClock, "'eventClock' must not be null");
            return this;
        }

        /**
         * Wires the use case and starts the worker, which takes up the journal's unfinished work at once.
         *
         * @throws IllegalStateException a port or the customer template is missing (the message names each), or the
         *                               provisioning wait is not below the response budget
         */
        public EmbeddedConnector start() {
            List<String> missing = new ArrayList<>();
            if (credentials == null) {
                missing.add("marketplace(...)");
            }
            if (webex == null) {
                missing.add("webex(...)");
            }
            if (journal == null) {
                missing.add("stores(...)");
            }
            if (template == null) {
                missing.add("customerTemplate(...)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the connector needs " + String.join(", ", missing));
            }
            if (provisioningWait.compareTo(async.responseBudget()) >= 0) {
                throw new IllegalStateException("the provisioning wait (" + provisioningWait
                        + ") must be below the response budget (" + async.responseBudget() + ")");
            }
            FulfilmentSettings settings = new FulfilmentSettings(catalog, template, provisioningWait,
                    Duration.ofMillis(500), clock, Sleeper.system(), DeactivationPolicy.REMOVE, extensions);
            FulfilmentWorker worker = new FulfilmentWorker(
                    new Fulfilment(webex, settings, subscriptions, reservations, knownCustomers),
                    journal, leases, results, async, clock);
            worker.resumeJournal();
            return new EmbeddedConnector(worker,
                    new HandleMarketplaceEventService(credentials, events, journal, worker, async));
        }
    }
}
