package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.COMPANY;
import static com.marketbridge.application.service.Fixture.LOCATION;
import static com.marketbridge.application.service.Fixture.ORG;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.ExtensionRange;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One company buying calling for hundreds of users, through one running connector (as in production, its memory of
 * locations and taken extensions lasts across events), against a Webex that refuses an extension used at the location.
 */
class CallingAtScaleTest {

    private static final AsyncSettings SETTINGS = AsyncSettings.DEFAULTS.withResponseBudget(Duration.ofSeconds(10))
            .withRetries(Duration.ofMillis(20), Duration.ofMillis(80)).withResultAttemptBudget(Duration.ofSeconds(1));

    private final CallLog log = new CallLog();
    private final FakeWebex webex = new FakeWebex(log);
    private final FakeMarketplaceEvents events = new FakeMarketplaceEvents(log);
    private final InMemoryEventJournal journal = new InMemoryEventJournal();
    private final InMemoryExtensionReservations reservations = new InMemoryExtensionReservations();
    private final AtomicInteger tokens = new AtomicInteger();
    private FulfilmentWorker worker;
    private HandleMarketplaceEventService service;

    private void start(ExtensionRange range) {
        FakeClock clock = new FakeClock();
        FulfilmentSettings settings = new FulfilmentSettings(EditionCatalog.defaults(), Fixture.template("webex_calling"),
                Duration.ZERO, Duration.ofSeconds(5), clock, clock, DeactivationPolicy.REMOVE, range);
        worker = new FulfilmentWorker(new Fulfilment(webex.ports(), settings, new InMemorySubscriptions(), reservations,
                new InMemoryKnownCustomers()), journal, new FakeMarketplaceResults(), SETTINGS, clock);
        service = new HandleMarketplaceEventService(new FakeMarketplaceCredentials(log), events, journal, worker, SETTINGS);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        webex.addLocation(ORG, LOCATION);
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    @Test
    void aLocationWhoseLowestNumbersAreUsedOutsideTheConnector_givesTheFirstFreeOneBeyondThem() {
        start(ExtensionRange.DEFAULT);
        webex.maxCandidates(100);
        takeAtWebex(2000, 2249);

        assertThat(extensionOf(handle(order(user(1), "webex_calling")))).isEqualTo("2250");
        assertThat(freeChecks()).isEqualTo(3);
        assertThat(extensionOf(handle(order(user(2), "webex_calling")))).isEqualTo("2251");
        assertThat(freeChecks()).isEqualTo(4);
    }

    @Test
    void aRangeWithHoles_isFilledLowestFirst() {
        start(new ExtensionRange(2000, 2009));
        for (String used : List.of("2000", "2001", "2003", "2005", "2006", "2007", "2008")) {
            webex.takeExtension(LOCATION, used);
        }

        List<String> given = IntStream.rangeClosed(1, 3).mapToObj(i -> extensionOf(handle(order(user(i), "webex_suite")))).toList();
        Outcome fourth = handle(order(user(4), "webex_calling"));

        assertThat(given).containsExactly("2002", "2004", "2009");
        assertThat(fourth).isInstanceOfSatisfying(Outcome.Failed.class, failed -> assertThat(failed.message())
                .isEqualTo("No extension of the range 2000-2009 is free at the calling location of customer c1: 0 checked"
                        + " with Webex, the other 10 known to be taken"));
    }

    @Test
    void anExtensionTakenAtWebexAfterTheCheck_isRefusedAtTheCreate_andTheNextFreeOneIsUsed() {
        start(ExtensionRange.DEFAULT);
        webex.takeExtensionAfterTheCheck(LOCATION, "2000");

        Outcome outcome = handle(order(user(1), "webex_calling"));
        Outcome next = handle(order(user(2), "webex_calling"));

        assertThat(extensionOf(outcome)).isEqualTo("2001");
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).containsExactly(
                "subscribers.create wx-c1 user1@contoso.test webex_calling ext=2000 loc=loc-c1",
                "subscribers.create wx-c1 user1@contoso.test webex_calling ext=2001 loc=loc-c1",
                "subscribers.create wx-c1 user2@contoso.test webex_calling ext=2002 loc=loc-c1");
        assertThat(extensionOf(next)).isEqualTo("2002");
        assertThat(reservations.taken(LOCATION)).contains("2000");
    }

    @Test
    void theFiveHundredthCallingUser_costsOneExtensionCheck_asTheFirstDid() {
        start(ExtensionRange.DEFAULT);
        takeAtWebex(2000, 2059);
        handle(order(user(0), "webex_calling"));
        int firstOrderChecks = freeChecks();

        for (int i = 1; i < 500; i++) {
            assertThat(handle(order(user(i), "webex_calling"))).isInstanceOf(Outcome.Completed.class);
        }

        assertThat(firstOrderChecks).isEqualTo(1);
        assertThat(freeChecks()).isEqualTo(500);
        assertThat(log.all()).filteredOn(call -> call.startsWith("locations.")).hasSize(1);
        assertThat(reservations.taken(LOCATION)).hasSize(560);
    }

    @Test
    void aCancel_freesTheExtensionForTheNextCallingUser() {
        start(ExtensionRange.DEFAULT);
        Outcome first = handle(order(user(1), "webex_calling"));

        handle(new SubscriptionCancelled(token(), EventFlag.LIVE, ((Outcome.Completed) first).accountIdentifier(), user(1)));

        assertThat(extensionOf(handle(order(user(2), "webex_calling")))).isEqualTo("2000");
    }

    @Test
    void sixtyConcurrentCallingOrdersOfOneCompany_runSideBySideAndGetSixtyDistinctFreeExtensions() throws Exception {
        start(ExtensionRange.DEFAULT);
        webex.maxCandidates(10);
        takeAtWebex(2000, 2029);
        webex.takeExtension(LOCATION, "2035").takeExtension(LOCATION, "2050");
        handle(order(user(0), "webex_meetings")); // the customer is known from now on
        CountDownLatch slowWebex = new CountDownLatch(1);
        log.holdOn("subscribers.create", " ext=", slowWebex);
        ExecutorService appDirect = Executors.newFixedThreadPool(60);
        try {
            List<Future<Outcome>> answers = new ArrayList<>();
            for (int i = 1; i <= 60; i++) {
                MarketplaceEvent order = order(user(i), i % 2 == 0 ? "webex_calling" : "webex_suite");
                answers.add(appDirect.submit(() -> handle(order)));
            }
            awaitCreatesInFlight(SETTINGS.workers());
            slowWebex.countDown();

            List<String> extensions = new ArrayList<>();
            for (Future<Outcome> answer : answers) {
                extensions.add(extensionOf(answer.get(30, TimeUnit.SECONDS)));
            }
            assertThat(Set.copyOf(extensions)).hasSize(60)
                    .allSatisfy(extension -> assertThat(Integer.parseInt(extension)).isGreaterThanOrEqualTo(2030))
                    .doesNotContain("2035", "2050");
        } finally {
            slowWebex.countDown();
            appDirect.shutdownNow();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private void takeAtWebex(int from, int to) {
        IntStream.rangeClosed(from, to).forEach(extension -> webex.takeExtension(LOCATION, Integer.toString(extension)));
    }

    /** Every worker is inside a Webex create at once: they run side by side, not one after the other. */
    private void awaitCreatesInFlight(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (callingCreates() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(callingCreates()).as("creates held in flight at once").isEqualTo(count);
    }

    private long callingCreates() {
        return log.all().stream().filter(call -> call.startsWith("subscribers.create") && call.contains(" ext=")).count();
    }

    private int freeChecks() {
        return (int) log.all().stream().filter(call -> call.startsWith("extensions.free")).count();
    }

    /** The extension the subscriber of the completed order was created with. */
    private String extensionOf(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Completed.class);
        String email = ((Outcome.Completed) outcome).accountIdentifier().split(":", 2)[1];
        return log.all().stream().filter(call -> call.startsWith("subscribers.create") && call.contains(" " + email + " "))
                .reduce((first, last) -> last).orElseThrow()
                .replaceAll(".* ext=(\\d+) .*", "$1");
    }

    private Outcome handle(MarketplaceEvent event) {
        String url = "https://acme.example.com/api/integration/v1/events/" + event.token().value();
        events.publish(url, event);
        InboundNotification notification = new InboundNotification("GET", URI.create("https://connector.example/receiver"),
                Map.of("eventUrl", List.of(url)), Map.of());
        return service.handle(new HandleMarketplaceEventCommand(notification, url));
    }

    private SubscriptionOrdered order(MarketplaceUser buyer, String edition) {
        return new SubscriptionOrdered(token(), EventFlag.LIVE, new Company(COMPANY, "Contoso", null, null, "CA"), buyer,
                new Order(edition, List.of(new OrderItem("USER", 1))));
    }

    private EventToken token() {
        return new EventToken("e" + tokens.incrementAndGet());
    }

    private static MarketplaceUser user(int i) {
        return new MarketplaceUser("u" + i, "user" + i + "@contoso.test", "User", "No" + i, "en-US");
    }
}
