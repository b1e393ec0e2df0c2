package com.marketbridge.application.service;

import com.marketbridge.application.fake.CallLog;
import com.marketbridge.application.fake.FakeClock;
import com.marketbridge.application.fake.FakeMarketplaceCredentials;
import com.marketbridge.application.fake.FakeMarketplaceEvents;
import com.marketbridge.application.fake.FakeMarketplaceResults;
import com.marketbridge.application.fake.FakeWebex;
import com.marketbridge.application.fake.InMemoryEventJournal;
import com.marketbridge.application.fake.InMemoryExtensionReservations;
import com.marketbridge.application.fake.InMemoryKnownCustomers;
import com.marketbridge.application.fake.InMemorySubscriptions;
import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.service.fulfilment.DeactivationPolicy;
import com.marketbridge.application.service.fulfilment.Fulfilment;
import com.marketbridge.application.service.fulfilment.FulfilmentSettings;
import com.marketbridge.application.service.scheduling.AsyncSettings;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.ExtensionRange;
import com.marketbridge.domain.subscription.SubscriberStatus;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One connector wired to fakes, plus the events the service tests send through it. */
final class Fixture {

    static final String COMPANY = "c1";
    static final String CUSTOMER = FakeWebex.customerId(COMPANY);
    static final String ORG = FakeWebex.orgId(COMPANY);
    static final String LOCATION = "loc-" + COMPANY;
    static final String EVENT_URL = "https://acme.example.com/api/integration/v1/events/e1";
    static final MarketplaceUser BOB = new MarketplaceUser("u-bob", "bob@contoso.test", "Bob", "Buyer", "fr-CA");
    static final MarketplaceUser ALICE = new MarketplaceUser("u-alice", "alice@contoso.test", "Alice", "Admin", "en-US");
    static final String BOB_ACCOUNT = COMPANY + ":" + BOB.email();
    static final PostalAddress ADDRESS = new PostalAddress("1 Main St", "Montreal", "QC", "H2X 1Y4", "CA");
    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration PROVISIONING_WAIT = Duration.ofSeconds(30);
    /** A budget long enough for any first attempt on fakes, so each handle() answers with that attempt's outcome. */
    static final AsyncSettings ASYNC = AsyncSettings.DEFAULTS.withResponseBudget(Duration.ofSeconds(10)).withWorkers(1)
            .withResultAttemptBudget(Duration.ofSeconds(1));

    static final String RECEIVER = "https://connector.example/subscription_receiver";
    static final String VERIFY = "credentials.verify GET " + RECEIVER;
    static final String FETCH = "events.fetch " + EVENT_URL;

    final CallLog log = new CallLog();
    final FakeWebex webex = new FakeWebex(log);
    final FakeMarketplaceEvents events = new FakeMarketplaceEvents(log);
    final FakeMarketplaceCredentials credentials = new FakeMarketplaceCredentials(log);
    final FakeMarketplaceResults results = new FakeMarketplaceResults();
    final FakeClock clock = new FakeClock();
    /** Kept across {@link #handle} calls, as the connector's database keeps them across restarts. */
    final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    final InMemoryExtensionReservations reservations = new InMemoryExtensionReservations();
    DeactivationPolicy deactivation = DeactivationPolicy.REMOVE;
    CustomerTemplate template = template("webex_meetings", "webex_calling");
    Duration provisioningWait = PROVISIONING_WAIT;
    ExtensionRange extensions = ExtensionRange.DEFAULT;

    static CustomerTemplate template(String... packages) {
        return new CustomerTemplate("tpl-1", List.of(packages), ADDRESS, "America/Toronto");
    }

    // ---- arranging Webex -------------------------------------------------------------------------------------

    /** The company's customer, provisioned, with its calling location. */
    Fixture provisionedCustomer() {
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        webex.addLocation(ORG, LOCATION);
        return this;
    }

    Fixture subscriber(MarketplaceUser user, String packageName) {
        webex.addSubscriber(CUSTOMER, user.email(), packageName, SubscriberStatus.PROVISIONED);
        return this;
    }

    // ---- events ----------------------------------------------------------------------------------------------

    static SubscriptionOrdered order(String edition) {
        return order(EventFlag.LIVE, new Company(COMPANY, "Contoso", "billing@contoso.test", null, "CA"), BOB, edition);
    }

    static SubscriptionOrdered order(EventFlag flag, Company company, MarketplaceUser buyer, String edition) {
        return new SubscriptionOrdered(token(), flag, company, buyer, new Order(edition, List.of(new OrderItem("USER", 1))));
    }

    static SubscriptionChanged change(String account, MarketplaceUser creator, String edition) {
        return new SubscriptionChanged(token(), EventFlag.LIVE, account, creator, new Order(edition, List.of()));
    }

    static SubscriptionCancelled cancel(String account, MarketplaceUser creator) {
        return new SubscriptionCancelled(token(), EventFlag.LIVE, account, creator);
    }

    static EventToken token() {
        return new EventToken("e1");
    }

    // ---- acting and asserting --------------------------------------------------------------------------------

    /** Publishes the event at {@link #EVENT_URL} and handles a notification of it. */
    Outcome handle(MarketplaceEvent event) {
        events.publish(EVENT_URL, event);
        return handle(EVENT_URL);
    }

    /**
     * Handles a notification with a connector that starts with an empty journal and stops afterwards, so a
     * second call replays the event as a restarted connector without its journal would.
     */
    Outcome handle(String eventUrl) {
        return handle(new InboundNotification("get", URI.create(RECEIVER),
                eventUrl == null ? Map.of() : Map.of("eventUrl", List.of(eventUrl)), Map.of()), eventUrl);
    }

    /** Handles {@code notification} as {@link #handle(String)} does, with {@code eventUrl} as the endpoint read it. */
    Outcome handle(InboundNotification notification, String eventUrl) {
        FulfilmentSettings settings = new FulfilmentSettings(EditionCatalog.defaults(), template, provisioningWait, POLL, clock, clock,
                deactivation, extensions);
        InMemoryEventJournal journal = new InMemoryEventJournal();
        try (FulfilmentWorker worker = new FulfilmentWorker(new Fulfilment(webex.ports(), settings, subscriptions, reservations, new InMemoryKnownCustomers()),
                journal, results, ASYNC, clock)) {
            HandleMarketplaceEventService service = new HandleMarketplaceEventService(credentials, events, journal, worker, ASYNC);
            return service.handle(new HandleMarketplaceEventCommand(notification, eventUrl));
        }
    }

    List<String> calls() {
        return log.all();
    }

    /** The calls of a verified notification whose event was fetched, followed by {@code webexCalls}. */
    static String[] fetchedThen(String... webexCalls) {
        return Stream.concat(Stream.of(VERIFY, FETCH), Stream.of(webexCalls)).toArray(String[]::new);
    }
}
