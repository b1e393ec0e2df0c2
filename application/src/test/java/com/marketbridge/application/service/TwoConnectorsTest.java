package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.BOB;
import static com.marketbridge.application.service.Fixture.COMPANY;
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
import com.marketbridge.application.fake.InMemoryLaneLeases;
import com.marketbridge.application.fake.InMemorySubscriptions;
import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.service.fulfilment.Fulfilment;
import com.marketbridge.application.service.fulfilment.FulfilmentSettings;
import com.marketbridge.application.service.scheduling.AsyncSettings;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two connectors sharing one journal, one lease table and one Webex: two workers and two services on the fakes, the
 * leases expiring by a clock the test moves.
 */
class TwoConnectorsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The take-over scan runs every half term, in real time; expiry follows the lease clock. */
    private static final Duration TERM = Duration.ofMillis(400);
    private static final AsyncSettings FAST = AsyncSettings.DEFAULTS.withResponseBudget(Duration.ofMillis(300))
            .withRetries(Duration.ofMillis(20), Duration.ofMillis(80)).withResultAttemptBudget(Duration.ofSeconds(1));
    private static final String ACCOUNT = COMPANY + ":" + BOB.email();

    private final CallLog log = new CallLog();
    private final FakeWebex webex = new FakeWebex(log);
    private final FakeMarketplaceEvents events = new FakeMarketplaceEvents(log);
    private final FakeMarketplaceResults results = new FakeMarketplaceResults();
    private final FakeClock clock = new FakeClock();
    private final FakeClock leaseClock = new FakeClock();
    private final InMemoryEventJournal journal = new InMemoryEventJournal();
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final InMemoryExtensionReservations reservations = new InMemoryExtensionReservations();
    private final InMemoryKnownCustomers knownCustomers = new InMemoryKnownCustomers();
    private final InMemoryLaneLeases.Table leases = InMemoryLaneLeases.sharedTable(leaseClock, TERM);
    private final Connector a = new Connector("a", FAST);
    private final Connector b = new Connector("b", FAST);
    /** A connector whose deliveries wait longer for their answer than b's, for the tests that need a third. */
    private Connector patient;

    /** One connector: its worker and its service, on the shared stores and its own leases. */
    private final class Connector {
        private final InMemoryLaneLeases.Fenced journal;
        private final FulfilmentWorker worker;
        private final HandleMarketplaceEventService service;

        Connector(String name, AsyncSettings settings) {
            InMemoryLaneLeases own = InMemoryLaneLeases.connector(leases, name);
            this.journal = own.fenced(TwoConnectorsTest.this.journal);
            FulfilmentSettings fulfilment = new FulfilmentSettings(EditionCatalog.defaults(),
                    Fixture.template("webex_meetings"), Duration.ZERO, Duration.ofSeconds(5), clock, clock);
            this.worker = new FulfilmentWorker(new Fulfilment(webex.ports(), fulfilment, subscriptions, reservations,
                    knownCustomers), journal, own, results, settings, clock);
            this.service = new HandleMarketplaceEventService(new FakeMarketplaceCredentials(log), events, journal,
                    worker, settings);
        }

        Outcome notify(String eventUrl) {
            InboundNotification notification = new InboundNotification("GET",
                    URI.create("https://connector.example/api/v1/events"), Map.of("eventUrl", List.of(eventUrl)), Map.of());
            return service.handle(new HandleMarketplaceEventCommand(notification, eventUrl));
        }
    }

    @AfterEach
    void stop() {
        a.worker.close();
        b.worker.close();
        if (patient != null) {
            patient.worker.close();
        }
    }

    private static String url(String token) {
        return "https://acme.example.com/api/integration/v1/events/" + token;
    }

    private String publishOrder(String token) {
        events.publish(url(token), new SubscriptionOrdered(new EventToken(token), EventFlag.LIVE,
                new Company(COMPANY, "Contoso", null, null, "CA"), BOB, new Order("webex_meetings",
                        List.of(new OrderItem("USER", 10)))));
        return url(token);
    }

    private String publishAssignment(String token, String user) {
        events.publish(url(token), new UserAssigned(new EventToken(token), EventFlag.LIVE, ACCOUNT,
                new MarketplaceUser("u-" + user, user + "@contoso.test", user, "User", "en-US"), BOB));
        return url(token);
    }

    /** Webex holds its answer to the create of bob's subscriber until {@code release}; the latch counts the ask. */
    private CountDownLatch webexHoldsBobsCreateUntil(CountDownLatch release) {
        CountDownLatch creating = new CountDownLatch(1);
        log.signalOn("subscribers.create", creating).holdOn("subscribers.create", BOB.email(), release);
        return creating;
    }

    /**
     * Stops the connectors' workers, which finish their attempts and result POSTs first: nothing can come after, so a
     * count taken then is final (closing again afterwards changes nothing).
     */
    private static void stopConnectors(Connector... connectors) {
        for (Connector connector : connectors) {
            connector.worker.close();
        }
    }

    private JournalEntry awaitDelivered(String token) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!journal.find(new EventToken(token)).orElseThrow().resultDelivered() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return journal.find(new EventToken(token)).orElseThrow();
    }

    @Test
    void aCompanysEventsReceivedAlternatelyByBoth_runInArrivalOrderOnTheLanesHolder_eachOnce() throws Exception {
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        CountDownLatch webexAnswers = new CountDownLatch(1);
        log.holdOn("subscribers.create", BOB.email(), webexAnswers);

        Outcome order = a.notify(publishOrder("o1")); // a holds the lane while Webex creates bob
        Outcome first = b.notify(publishAssignment("u1", "alice"));
        Outcome second = a.notify(publishAssignment("u2", "carol"));
        Outcome third = b.notify(publishAssignment("u3", "dave"));
        assertThat(leases.holder(COMPANY)).isEqualTo("a");
        webexAnswers.countDown();

        assertThat(List.of(order, first, second, third)).allSatisfy(answer ->
                assertThat(answer).isInstanceOf(Outcome.InProgress.class));
        assertThat(results.awaitPosted(4, WAIT)).containsExactlyInAnyOrder("o1 COMPLETED " + ACCOUNT,
                "u1 COMPLETED " + ACCOUNT, "u2 COMPLETED " + ACCOUNT, "u3 COMPLETED " + ACCOUNT);
        assertThat(log.all().stream().filter(call -> call.startsWith("subscribers.create")))
                .as("each once, in arrival order").hasSize(4)
                .satisfiesExactly(call -> assertThat(call).contains(BOB.email()),
                        call -> assertThat(call).contains("alice@"), call -> assertThat(call).contains("carol@"),
                        call -> assertThat(call).contains("dave@"));
        assertThat(b.journal.updates()).as("b never worked on the lane").isZero();
        for (String token : List.of("o1", "u1", "u2", "u3")) {
            assertThat(awaitDelivered(token).resultDelivered()).isTrue();
        }
        stopConnectors(a, b);
        assertThat(results.posted()).hasSize(4);
    }

    /**
     * The holder reads a lane's work to queue a new event of it just as another event of the lane finishes: that event,
     * unfinished in what was read, is not taken up again (it was: done twice, and a result posted that nobody owed).
     */
    @Test
    void anEventFinishingWhileTheHolderReadsItsLane_isNotTakenUpAgain() throws Exception {
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        patient = new Connector("patient", FAST.withResponseBudget(Duration.ofSeconds(5)));
        CountDownLatch finishing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        patient.journal.pauseBeforeNextFinish(finishing, finish);
        CompletableFuture<Outcome> order = CompletableFuture.supplyAsync(() -> patient.notify(publishOrder("o1")));
        assertThat(finishing.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("o1 done at Webex").isTrue();
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch queue = new CountDownLatch(1);
        patient.journal.pauseAfterNextLaneRead(read, queue);
        CompletableFuture<Outcome> assignment = CompletableFuture.supplyAsync(
                () -> patient.notify(publishAssignment("u1", "alice")));
        assertThat(read.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the lane read, o1 unfinished in it").isTrue();

        finish.countDown();
        Outcome ordered = order.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        queue.countDown();
        Outcome assigned = assignment.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        stopConnectors(patient);

        assertThat(ordered).isInstanceOf(Outcome.Completed.class);
        assertThat(assigned).isInstanceOf(Outcome.Completed.class);
        assertThat(log.all().stream().filter(call -> call.startsWith("subscribers.create") && call.contains(BOB.email())))
                .as("o1 done once").hasSize(1);
        assertThat(results.posted()).as("both answered directly").isEmpty();
    }

    @Test
    void aLeaseThatRanOut_isTakenOver_thePausedHolderWritesNothingMore_andTheResultIsPostedOnce() throws Exception {
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING);
        CountDownLatch polled = new CountDownLatch(1);
        log.signalOn("customers.get", polled);
        Outcome answer = a.notify(publishOrder("o1"));
        assertThat(polled.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        a.journal.pauseBeforeNextUpdate(paused, resume);
        assertThat(paused.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        int writesOfA = a.journal.updates();

        leaseClock.sleep(TERM.plusMillis(1)); // a renews nothing while it is paused
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!"b".equals(leases.holder(COMPANY)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(leases.holder(COMPANY)).as("taken over by b's scan").isEqualTo("b");
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED); // Webex finished provisioning

        assertThat(answer).isInstanceOf(Outcome.InProgress.class);
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + ACCOUNT);
        assertThat(awaitDelivered("o1").state()).isEqualTo(EventState.COMPLETED);
        resume.countDown(); // a wakes up and tries its write
        stopConnectors(a, b);
        assertThat(a.journal.updates()).as("a's write refused; a left the lane").isEqualTo(writesOfA);
        assertThat(journal.find(new EventToken("o1")).orElseThrow().state()).isEqualTo(EventState.COMPLETED);
        assertThat(webex.createdCustomers()).hasSize(1);
        assertThat(results.posted()).hasSize(1);
    }

    @Test
    void aRedeliveryToTheOtherConnector_isAnsweredWithTheOutcome_whenTheEventFinishesWithinItsBudget() throws Exception {
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        CountDownLatch webexAnswers = new CountDownLatch(1);
        CountDownLatch creating = webexHoldsBobsCreateUntil(webexAnswers);
        String order = publishOrder("o1");
        patient = new Connector("patient", FAST.withResponseBudget(Duration.ofSeconds(5)));

        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> patient.notify(order));
        assertThat(creating.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Outcome> redelivered = CompletableFuture.supplyAsync(() -> b.notify(order));
        webexAnswers.countDown();

        assertThat(first.get()).isInstanceOf(Outcome.Completed.class);
        assertThat(redelivered.get()).isEqualTo(first.get());
        stopConnectors(patient, b);
        assertThat(results.posted()).isEmpty();
    }

    @Test
    void aRedeliveryAnsweredAcceptedByTheOtherConnector_getsItsResultPosted_evenIfTheFirstWasAnsweredDirectly()
            throws Exception {
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        CountDownLatch webexAnswers = new CountDownLatch(1);
        CountDownLatch creating = webexHoldsBobsCreateUntil(webexAnswers);
        String order = publishOrder("o1");
        patient = new Connector("patient", FAST.withResponseBudget(Duration.ofSeconds(5)));

        CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> patient.notify(order));
        assertThat(creating.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Outcome redelivered = b.notify(order); // its budget runs out while Webex still works
        webexAnswers.countDown();

        assertThat(redelivered).isInstanceOf(Outcome.InProgress.class);
        assertThat(first.get()).isInstanceOf(Outcome.Completed.class);
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + ACCOUNT);
        assertThat(awaitDelivered("o1").resultDelivered()).isTrue();
        stopConnectors(patient, b);
        assertThat(results.posted()).hasSize(1);
    }
}
