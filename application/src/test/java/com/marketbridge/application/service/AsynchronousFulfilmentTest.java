package com.marketbridge.application.service;

import static com.marketbridge.application.service.Fixture.ALICE;
import static com.marketbridge.application.service.Fixture.BOB;
import static com.marketbridge.application.service.Fixture.COMPANY;
import static com.marketbridge.application.service.Fixture.CUSTOMER;
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
import com.marketbridge.application.fake.RecordingFulfilmentMetrics;
import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.application.service.fulfilment.Fulfilment;
import com.marketbridge.application.service.fulfilment.FulfilmentSettings;
import com.marketbridge.application.service.scheduling.AsyncSettings;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.NoticeType;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook's budget, the journal, the worker's lanes and retries, and result delivery, against the fakes. */
class AsynchronousFulfilmentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Retries come quickly here; the fake clock only moves when a test moves it. */
    private static final AsyncSettings FAST = AsyncSettings.DEFAULTS.withResponseBudget(Duration.ofSeconds(5))
            .withRetries(Duration.ofMillis(20), Duration.ofMillis(80)).withResultAttemptBudget(Duration.ofSeconds(1));

    private final CallLog log = new CallLog();
    private final FakeWebex webex = new FakeWebex(log);
    private final FakeMarketplaceEvents events = new FakeMarketplaceEvents(log);
    private final FakeMarketplaceResults results = new FakeMarketplaceResults();
    private final FakeClock clock = new FakeClock();
    private final InMemoryEventJournal journal = new InMemoryEventJournal();
    private final InMemoryKnownCustomers knownCustomers = new InMemoryKnownCustomers();
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final FakeMarketplaceCredentials credentials = new FakeMarketplaceCredentials(log);
    private final RecordingFulfilmentMetrics metrics = new RecordingFulfilmentMetrics();
    private FulfilmentWorker worker;
    private HandleMarketplaceEventService service;

    private void start(AsyncSettings settings) {
        FulfilmentSettings fulfilment = new FulfilmentSettings(EditionCatalog.defaults(), Fixture.template("webex_meetings"),
                Duration.ZERO, Duration.ofSeconds(5), clock, clock);
        worker = new FulfilmentWorker(new Fulfilment(webex.ports(), fulfilment, subscriptions,
                new InMemoryExtensionReservations(), knownCustomers),
                journal, InMemoryLaneLeases.sole(), results, settings, clock, metrics);
        service = new HandleMarketplaceEventService(credentials, events, journal, worker, settings, metrics);
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    private static String url(String token) {
        return "https://acme.example.com/api/integration/v1/events/" + token;
    }

    private String publishOrder(String token, String company, MarketplaceUser buyer) {
        events.publish(url(token), new SubscriptionOrdered(new EventToken(token), EventFlag.LIVE,
                new Company(company, "Company " + company, null, null, "CA"), buyer, new Order("webex_meetings", List.of(new OrderItem("USER", 1)))));
        return url(token);
    }

    private Outcome notify(String eventUrl) {
        InboundNotification notification = new InboundNotification("GET", URI.create("https://connector.example/api/v1/events"),
                Map.of("eventUrl", List.of(eventUrl)), Map.of());
        return service.handle(new HandleMarketplaceEventCommand(notification, eventUrl));
    }

    private JournalEntry journaled(String token) {
        return journal.find(new EventToken(token)).orElseThrow();
    }

    private JournalEntry awaitState(String token, EventState state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (journaled(token).state() != state && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return journaled(token);
    }

    /** Results are posted before the journal records the delivery, so tests wait for that record. */
    private JournalEntry awaitDelivered(String token) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!journaled(token).resultDelivered() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return journaled(token);
    }

    private static MarketplaceUser user(int i) {
        return new MarketplaceUser("u" + i, "user" + i + "@contoso.test", "User", "No" + i, "en-US");
    }

    @Test
    void aNoticeNotDoneWithinTheBudget_isAnsweredSuccessAcceptedAndCompletedWithoutPostingAResult() throws Exception {
        start(FAST);
        String customer = webex.addCustomer(COMPANY, CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);
        String account = COMPANY + ":" + BOB.email();
        String subscriberId = webex.addSubscriber(customer, BOB.email(), "webex_meetings", SubscriberStatus.PROVISIONED).id();
        subscriptions.save(new Subscription(account, COMPANY, customer, new WebexPackage("webex_meetings", false), null,
                SubscriptionStatus.ACTIVE, List.of(new SubscriptionUser(BOB.email(), "Bob", "Buyer", subscriberId, null))));
        events.publish(url("n1"), new SubscriptionNoticed(new EventToken("n1"), EventFlag.LIVE, account, NoticeType.DEACTIVATED, null));

        Outcome answer = notify(url("n1"));

        assertThat(answer).isEqualTo(new Outcome.Completed(account, "SUBSCRIPTION_NOTICE event n1 is accepted and being applied."));
        JournalEntry entry = awaitDelivered("n1");
        assertThat(entry.state()).isEqualTo(EventState.COMPLETED);
        assertThat(entry.resultDelivered()).isTrue();
        assertThat(entry.asynchronous()).isFalse();
        assertThat(webex.subscriber(customer, BOB.email())).isEmpty();
        assertThat(subscriptions.find(account).orElseThrow().status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        Thread.sleep(200);
        assertThat(results.posted()).isEmpty();
    }

    @Test
    void aFirstOrderIsAcceptedAtOnceAndItsResultPostedOnceWebexHasProvisionedTheCustomer() throws Exception {
        start(FAST);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);

        long started = System.nanoTime();
        Outcome answer = notify(publishOrder("o1", COMPANY, BOB));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST.responseBudget());
        assertThat(answer).isInstanceOf(Outcome.InProgress.class);
        assertThat(answer.message()).contains("is being set up");
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
        JournalEntry entry = awaitDelivered("o1");
        assertThat(entry.state()).isEqualTo(EventState.COMPLETED);
        assertThat(entry.asynchronous()).isTrue();
        assertThat(entry.resultDelivered()).isTrue();
        assertThat(entry.attempts()).isGreaterThanOrEqualTo(2);
        assertThat(webex.createdCustomers()).hasSize(1);
    }

    @Test
    void anOrderFinishedWithinTheBudgetIsAnsweredDirectlyAndNothingIsPosted() throws Exception {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);

        Outcome answer = notify(publishOrder("o1", COMPANY, BOB));

        assertThat(answer).isEqualTo(new Outcome.Completed(COMPANY + ":" + BOB.email(), BOB.email() + " is subscribed to webex_meetings"));
        // the worker journals the outcome as delivered before it hands it over as the answer
        JournalEntry entry = journaled("o1");
        assertThat(entry.state()).isEqualTo(EventState.COMPLETED);
        assertThat(entry.asynchronous()).isFalse();
        assertThat(entry.resultDelivered()).isTrue();
        Thread.sleep(100);
        assertThat(results.posted()).isEmpty();
    }

    @Test
    void anEventAnsweredAccepted_isOnDiskWhenTheAnswerLeaves() {
        start(FAST);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);

        Outcome answer = notify(publishOrder("o1", COMPANY, BOB));
        InMemoryEventJournal afterCrash = journal.afterCrash();

        assertThat(answer).isInstanceOf(Outcome.InProgress.class);
        assertThat(afterCrash.find(new EventToken("o1"))).hasValueSatisfying(entry -> assertThat(entry.needsWork()).isTrue());
    }

    @Test
    void anOrderAnsweredDirectly_isOnDiskWithItsOutcomeWhenTheAnswerLeaves() {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);

        Outcome answer = notify(publishOrder("o1", COMPANY, BOB));
        InMemoryEventJournal afterCrash = journal.afterCrash();

        assertThat(answer).isInstanceOf(Outcome.Completed.class);
        assertThat(afterCrash.find(new EventToken("o1"))).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(EventState.COMPLETED);
            assertThat(entry.outcome()).isEqualTo(answer);
            assertThat(entry.resultDelivered()).isTrue();
        });
    }

    @Test
    void theSameEventDeliveredAgainIsAnsweredFromTheJournalWithoutRunningTwice() throws Exception {
        start(FAST);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);
        String eventUrl = publishOrder("o1", COMPANY, BOB);

        Outcome first = notify(eventUrl);
        Outcome whileRunning = notify(eventUrl);
        results.awaitPosted(1, WAIT);
        Outcome afterwards = notify(eventUrl);

        assertThat(first).isInstanceOf(Outcome.InProgress.class);
        assertThat(afterwards).isEqualTo(journaled("o1").outcome()).isInstanceOf(Outcome.Completed.class);
        // the answer the first delivery got, or the outcome if the worker finished while the second waited
        assertThat(whileRunning).isIn(first, afterwards);
        assertThat(log.all()).filteredOn(call -> call.startsWith("events.fetch")).hasSize(1);
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).hasSize(1);
        assertThat(results.posted()).hasSize(1);
    }

    /** Both deliveries fetch the event before either journals it, so they race to record it. */
    private List<Future<Outcome>> deliverTwiceAtOnce(ExecutorService appDirect, String eventUrl) throws InterruptedException {
        CountDownLatch fetched = new CountDownLatch(2);
        CountDownLatch bothFetched = new CountDownLatch(1);
        log.signalOn("events.fetch", fetched).holdOn("events.fetch", "", bothFetched);
        List<Future<Outcome>> answers = List.of(appDirect.submit(() -> notify(eventUrl)), appDirect.submit(() -> notify(eventUrl)));
        assertThat(fetched.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        bothFetched.countDown();
        return answers;
    }

    @Test
    void twoDeliveriesOfAnOrderAtOnce_whileWebexIsFast_areBothAnsweredItsOutcome_andNoResultIsPosted() throws Exception {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        ExecutorService appDirect = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> answers = deliverTwiceAtOnce(appDirect, publishOrder("o1", COMPANY, BOB));

            Outcome subscribed = new Outcome.Completed(COMPANY + ":" + BOB.email(), BOB.email() + " is subscribed to webex_meetings");
            assertThat(answers.get(0).get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(subscribed);
            assertThat(answers.get(1).get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(subscribed);
            // journaled as delivered before either answer left: the worker posts nothing
            assertThat(journaled("o1").resultDelivered()).isTrue();
            assertThat(journaled("o1").asynchronous()).isFalse();
            assertThat(results.posted()).isEmpty();
            assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).hasSize(1);
        } finally {
            appDirect.shutdownNow();
        }
    }

    @Test
    void twoDeliveriesOfAFirstOrderAtOnce_whileWebexProvisionsPastTheBudget_areBothAccepted_andOneResultIsPosted() throws Exception {
        start(FAST);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING);
        ExecutorService appDirect = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> answers = deliverTwiceAtOnce(appDirect, publishOrder("o1", COMPANY, BOB));
            Outcome first = answers.get(0).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            Outcome second = answers.get(1).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED); // Webex is done now

            assertThat(first).isInstanceOf(Outcome.InProgress.class).isEqualTo(second);
            assertThat(first.message()).contains("is being set up");
            assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
            assertThat(awaitDelivered("o1").asynchronous()).isTrue();
            assertThat(results.posted()).hasSize(1);
        } finally {
            appDirect.shutdownNow();
        }
    }

    @Test
    void aRedeliveryAnsweredTheOutcome_afterTheFirstDeliveryWasAccepted_stillHasTheResultPostedOnce() throws Exception {
        // the first delivery waits out its whole budget (Webex is held); the redelivery's budget leaves the worker ample
        // time to finish once Webex is released, even on a machine busy with other work
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        CountDownLatch slowWebex = new CountDownLatch(1);
        log.holdOn("subscribers.create", BOB.email(), slowWebex);
        String eventUrl = publishOrder("o1", COMPANY, BOB);
        ExecutorService appDirect = Executors.newSingleThreadExecutor();
        try {
            Outcome first = notify(eventUrl); // its budget runs out while Webex creates the subscriber
            Future<Outcome> again = redeliverThenRelease(appDirect, eventUrl, slowWebex);

            assertThat(first).isEqualTo(new Outcome.InProgress("Event o1 is accepted and being processed; its result will be posted."));
            assertAnsweredBobsOutcomeAndPostedItOnce(again);
        } finally {
            slowWebex.countDown();
            appDirect.shutdownNow();
        }
    }

    @Test
    void twentyConcurrentFirstOrdersOfOneCompanyCreateOneCustomerAndTwentySubscribersInArrivalOrder() throws Exception {
        start(FAST);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add(publishOrder("o" + i, COMPANY, user(i)));
        }
        ExecutorService appDirect = Executors.newFixedThreadPool(20);
        List<Callable<Outcome>> calls = urls.stream().<Callable<Outcome>>map(url -> () -> notify(url)).toList();
        List<Future<Outcome>> answers = appDirect.invokeAll(calls);
        appDirect.shutdown();

        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> answer : answers) {
            outcomes.add(answer.get());
        }
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfAny(Outcome.InProgress.class, Outcome.Completed.class));
        int posted = (int) outcomes.stream().filter(outcome -> outcome instanceof Outcome.InProgress).count();
        assertThat(results.awaitPosted(posted, WAIT)).hasSize(posted).allSatisfy(line -> assertThat(line).contains("COMPLETED"));
        assertThat(webex.createdCustomers()).hasSize(1);
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).hasSize(20);
    }

    @Test
    void eventsOfOneCompanyRunInArrivalOrderBehindOneWaitingForWebex() throws Exception {
        start(FAST);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);

        for (int i = 1; i <= 3; i++) {
            notify(publishOrder("o" + i, COMPANY, user(i)));
        }

        for (int i = 1; i <= 3; i++) {
            assertThat(awaitState("o" + i, EventState.COMPLETED).state()).isEqualTo(EventState.COMPLETED);
        }
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create"))
                .extracting(call -> call.split(" ")[2])
                .containsExactly(user(1).email(), user(2).email(), user(3).email());
        assertThat(webex.createdCustomers()).hasSize(1);
    }

    /** The response budget short, so that an event held up behind another shows as "accepted" quickly. */
    private static final AsyncSettings SHORT_BUDGET = FAST.withResponseBudget(Duration.ofMillis(500));

    @Test
    void meetingsOrdersOfDifferentSubscribersOfAProvisionedCompany_runSideBySide() throws Exception {
        start(SHORT_BUDGET);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        assertThat(notify(publishOrder("o0", COMPANY, user(0)))).isInstanceOf(Outcome.Completed.class); // customer now known
        CountDownLatch slowWebex = new CountDownLatch(1);
        log.holdOn("subscribers.create", BOB.email(), slowWebex);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Outcome> bob = caller.submit(() -> notify(publishOrder("o1", COMPANY, BOB)));
            awaitCall("subscribers.create", BOB.email());

            Outcome alice = notify(publishOrder("o2", COMPANY, ALICE));
            EventState bobMeanwhile = journaled("o1").state();
            slowWebex.countDown();

            assertThat(alice).isInstanceOf(Outcome.Completed.class);
            assertThat(bobMeanwhile).isEqualTo(EventState.PROCESSING);
            assertThat(bob.get(10, java.util.concurrent.TimeUnit.SECONDS)).isNotInstanceOf(Outcome.Failed.class);
            assertThat(awaitState("o1", EventState.COMPLETED).state()).isEqualTo(EventState.COMPLETED);
        } finally {
            slowWebex.countDown();
            caller.shutdownNow();
        }
    }

    @Test
    void aSubscribersCancel_waitsForItsOrder_evenWhileOtherSubscribersRun() throws Exception {
        start(SHORT_BUDGET);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        assertThat(notify(publishOrder("o0", COMPANY, user(0)))).isInstanceOf(Outcome.Completed.class);
        CountDownLatch slowWebex = new CountDownLatch(1);
        log.holdOn("subscribers.create", BOB.email(), slowWebex);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            caller.submit(() -> notify(publishOrder("o1", COMPANY, BOB)));
            awaitCall("subscribers.create", BOB.email());
            events.publish(url("c1"), new com.marketbridge.domain.event.SubscriptionCancelled(new EventToken("c1"),
                    EventFlag.LIVE, COMPANY + ":" + BOB.email(), BOB));

            Outcome cancel = notify(url("c1"));
            slowWebex.countDown();

            assertThat(cancel).isInstanceOf(Outcome.InProgress.class);
            // results are posted side by side, so they may arrive in either order; the cancel ran after its order
            assertThat(results.awaitPosted(2, WAIT)).containsExactlyInAnyOrder("o1 COMPLETED " + COMPANY + ":" + BOB.email(),
                    "c1 COMPLETED " + COMPANY + ":" + BOB.email());
            assertThat(lastCall("subscribers.remove", BOB.email())).isGreaterThan(lastCall("subscribers.create", BOB.email()));
        } finally {
            slowWebex.countDown();
            caller.shutdownNow();
        }
    }

    @Test
    void aSubscribersNextOrder_waitsForTheCancelBeforeIt_thoughNeitherRunsAlone() throws Exception {
        start(SHORT_BUDGET);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        assertThat(notify(publishOrder("o1", COMPANY, BOB))).isInstanceOf(Outcome.Completed.class);
        CountDownLatch slowWebex = new CountDownLatch(1);
        log.holdOn("subscribers.remove", "", slowWebex); // only the cancel removes
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            events.publish(url("c1"), new com.marketbridge.domain.event.SubscriptionCancelled(new EventToken("c1"),
                    EventFlag.LIVE, COMPANY + ":" + BOB.email(), BOB));
            caller.submit(() -> notify(url("c1")));
            awaitCall("subscribers.remove", "");

            Outcome reorder = notify(publishOrder("o2", COMPANY, BOB));
            slowWebex.countDown();

            assertThat(reorder).isInstanceOf(Outcome.InProgress.class);
            assertThat(results.awaitPosted(2, WAIT)).containsExactlyInAnyOrder("c1 COMPLETED " + COMPANY + ":" + BOB.email(),
                    "o2 COMPLETED " + COMPANY + ":" + BOB.email());
            assertThat(lastCall("subscribers.create", BOB.email())).isGreaterThan(lastCall("subscribers.remove", ""));
        } finally {
            slowWebex.countDown();
            caller.shutdownNow();
        }
    }

    /** A redelivery of the event while Webex is held; Webex is released once the redelivery found the event journaled. */
    private Future<Outcome> redeliverThenRelease(ExecutorService appDirect, String eventUrl, CountDownLatch slowWebex)
            throws InterruptedException {
        CountDownLatch lookedUp = new CountDownLatch(1);
        journal.signalFinds(lookedUp);
        Future<Outcome> again = appDirect.submit(() -> notify(eventUrl));
        assertThat(lookedUp.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        slowWebex.countDown();
        return again;
    }

    /** The redelivery got Bob's order's outcome as its answer, and the result was still posted, once. */
    private void assertAnsweredBobsOutcomeAndPostedItOnce(Future<Outcome> again) throws Exception {
        assertThat(again.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo(new Outcome.Completed(COMPANY + ":" + BOB.email(), BOB.email() + " is subscribed to webex_meetings"));
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
        assertThat(awaitDelivered("o1").asynchronous()).isTrue();
        assertThat(results.posted()).hasSize(1);
    }

    /** Where the last call of {@code operation} mentioning {@code text} is in the call log; -1 if none. */
    private int lastCall(String operation, String text) {
        List<String> calls = log.all();
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).startsWith(operation) && calls.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private void awaitCall(String operation, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (log.all().stream().noneMatch(call -> call.startsWith(operation) && call.contains(text))
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void differentCompaniesAreNotHeldUpByAnotherCompanyWaitingForWebex() throws Exception {
        start(FAST);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING);
        webex.addCustomer("c2", CustomerStatus.PROVISIONED);

        Outcome waiting = notify(publishOrder("o1", COMPANY, BOB));
        Outcome other = notify(publishOrder("o2", "c2", ALICE));

        assertThat(waiting).isInstanceOf(Outcome.InProgress.class);
        assertThat(other).isInstanceOf(Outcome.Completed.class);
        assertThat(journaled("o1").state()).isIn(EventState.WAITING, EventState.PROCESSING);
    }

    @Test
    void aResultThatCannotBePostedAtFirstIsPostedLater() throws Exception {
        start(FAST);
        results.unavailable(2);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);

        notify(publishOrder("o1", COMPANY, BOB));

        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
        assertThat(awaitDelivered("o1").resultDelivered()).isTrue();
    }

    @Test
    void aResultTheMarketplaceRefusesIsParkedWithItsOutcomeKept() throws Exception {
        start(FAST);
        results.refuse();
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);

        notify(publishOrder("o1", COMPANY, BOB));

        JournalEntry entry = awaitState("o1", EventState.PARKED);
        assertThat(entry.outcome()).isEqualTo(new Outcome.Completed(COMPANY + ":" + BOB.email(), BOB.email() + " is subscribed to webex_meetings"));
        assertThat(entry.resultDelivered()).isFalse();
        assertThat(journal.needingWork()).isEmpty();
    }

    @Test
    void aFirstOrderAcceptedThenFinished_isReportedAnsweredInProgress_retried_finishedAndItsResultDelivered() throws Exception {
        start(FAST);
        results.unavailable(1);
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);

        notify(publishOrder("o1", COMPANY, BOB));

        assertThat(metrics.awaitReported("result DELIVERED", WAIT)).containsExactlyInAnyOrder(
                "answered SUBSCRIPTION_ORDER IN_PROGRESS", "retrying SUBSCRIPTION_ORDER",
                "finished SUBSCRIPTION_ORDER COMPLETED", "result RETRIED", "result DELIVERED");
    }

    @Test
    void anOrderAnsweredDirectly_isReportedAnsweredAndFinished_withoutAResultPosted() throws Exception {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);

        notify(publishOrder("o1", COMPANY, BOB));

        // the answer is reported before notify returns; the worker reports the event finished just after answering it
        assertThat(metrics.awaitReported("finished SUBSCRIPTION_ORDER COMPLETED", WAIT))
                .containsExactlyInAnyOrder("finished SUBSCRIPTION_ORDER COMPLETED", "answered SUBSCRIPTION_ORDER COMPLETED");
    }

    @Test
    void aResultTheMarketplaceRefuses_isReportedParked() throws Exception {
        start(FAST);
        results.refuse();
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);

        notify(publishOrder("o1", COMPANY, BOB));

        assertThat(metrics.awaitReported("result PARKED", WAIT)).endsWith("result PARKED");
    }

    @Test
    void aNotificationRefusedBeforeItsEventIsFetched_isReportedAnsweredFailed_withoutAnEvent() {
        start(FAST);
        credentials.reject("wrong password");

        notify(publishOrder("o1", COMPANY, BOB));
        notify("not a url");

        assertThat(metrics.reported()).containsExactly("answered - FAILED/UNAUTHORIZED", "answered - FAILED/UNAUTHORIZED");
    }

    @Test
    void anEventStillWaitingAtItsDeadlineFailsWithAClearMessage() throws Exception {
        start(FAST.withRetries(Duration.ofMillis(20), Duration.ofMillis(20)).withWorkers(2));
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING);

        notify(publishOrder("o1", COMPANY, BOB));
        clock.sleep(Duration.ofMinutes(31));

        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 FAILED UPSTREAM_UNAVAILABLE");
        JournalEntry entry = journaled("o1");
        assertThat(entry.state()).isEqualTo(EventState.FAILED);
        assertThat(entry.outcome().message()).startsWith("Gave up at the event's deadline (30 minutes): The Webex organization");
    }

    @Test
    void aTransientWebexFailureIsRetriedUntilItSucceeds() throws Exception {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        log.failOn("subscribers.validate", new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "Webex answered 503"));

        Outcome answer = notify(publishOrder("o1", COMPANY, BOB));
        log.recover("subscribers.validate");

        assertThat(answer.message()).contains("Webex is unavailable right now (Webex answered 503)");
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
    }

    @Test
    void aSubscriberWebexMadeButWhoseAnswerWasLost_isFoundByTheRetry_notCreatedTwiceNorFailed() throws Exception {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        webex.loseTheAnswerToTheNext("subscribers.create");

        Outcome answer = notify(publishOrder("o1", COMPANY, BOB));

        assertThat(answer.message()).contains("Webex is unavailable right now", "the answer was cut off");
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).hasSize(1);
        assertThat(webex.subscriber(CUSTOMER, BOB.email())).isPresent();
    }

    @Test
    void aCustomerWebexMadeButWhoseAnswerWasLost_isFoundByTheRetry_notCreatedTwice() throws Exception {
        start(FAST);
        webex.loseTheAnswerToTheNext("customers.create");

        notify(publishOrder("o1", COMPANY, BOB));

        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
        assertThat(webex.createdCustomers()).hasSize(1);
    }

    @Test
    void anEventTheJournalFailsToRecord_keepsTheHeadOfItsLaneAndIsTriedAgain() throws Exception {
        start(FAST.withResponseBudget(Duration.ofMillis(300)));
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        journal.failNextUpdates(1);

        Outcome first = notify(publishOrder("o1", COMPANY, BOB));
        Outcome second = notify(publishOrder("o2", COMPANY, ALICE));

        // the retry 20 ms later succeeds within the notification's budget; the company's next event is not held up
        assertThat(first).isEqualTo(new Outcome.Completed(COMPANY + ":" + BOB.email(), BOB.email() + " is subscribed to webex_meetings"));
        assertThat(second).isEqualTo(new Outcome.Completed(COMPANY + ":" + ALICE.email(), ALICE.email() + " is subscribed to webex_meetings"));
        assertThat(journaled("o1").state()).isEqualTo(EventState.COMPLETED);
    }

    /** The journal a crash left: Bob's order cut short in its attempt, Alice's done but its result not posted. */
    private void journalAnOrderCutShortAndAnUnpostedResult() {
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        SubscriptionOrdered interrupted = new SubscriptionOrdered(new EventToken("o1"), EventFlag.LIVE,
                new Company(COMPANY, "Contoso", null, null, "CA"), BOB, new Order("webex_meetings", List.of()));
        SubscriptionOrdered owed = new SubscriptionOrdered(new EventToken("o2"), EventFlag.LIVE,
                new Company(COMPANY, "Contoso", null, null, "CA"), ALICE, new Order("webex_meetings", List.of()));
        JournalEntry crashedMidAttempt = JournalEntry.received(new EventUrl(URI.create(url("o1"))), interrupted, COMPANY,
                clock.instant(), clock.instant().plus(Duration.ofMinutes(30))).processing(clock.instant());
        JournalEntry finishedButUnposted = JournalEntry.received(new EventUrl(URI.create(url("o2"))), owed, COMPANY,
                        clock.instant(), clock.instant().plus(Duration.ofMinutes(30))).processing(clock.instant())
                .finished(new Outcome.Completed(COMPANY + ":" + ALICE.email(), "done"), clock.instant())
                .answeredAsynchronously(clock.instant());
        journal.recordNew(crashedMidAttempt);
        journal.recordNew(finishedButUnposted);
        webex.addSubscriber(CUSTOMER, ALICE.email(), "webex_meetings", com.marketbridge.domain.subscription.SubscriberStatus.PROVISIONED);
    }

    /** Bob's order was carried out once, and both results were posted once. */
    private void assertBothDoneAndPostedOnce() throws InterruptedException {
        assertThat(results.awaitPosted(2, WAIT)).containsExactlyInAnyOrder(
                "o1 COMPLETED " + COMPANY + ":" + BOB.email(), "o2 COMPLETED " + COMPANY + ":" + ALICE.email());
        assertThat(awaitDelivered("o1").resultDelivered()).isTrue();
        assertThat(awaitDelivered("o2").resultDelivered()).isTrue();
        worker.close(); // lets whatever is still queued run
        assertThat(results.posted()).hasSize(2);
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).singleElement()
                .asString().contains(BOB.email());
        assertThat(journal.needingWork()).isEmpty();
    }

    @Test
    void aRestartResumesUnfinishedEventsAndDeliversOwedResultsWithoutDoingAnythingTwice() throws Exception {
        journalAnOrderCutShortAndAnUnpostedResult();

        start(FAST);
        worker.resumeJournal();

        assertBothDoneAndPostedOnce();
    }

    @Test
    void resumingTheJournalAgainWhileItsWorkIsInFlight_asAfterTheJournalRecovered_doesNothingTwice() throws Exception {
        journalAnOrderCutShortAndAnUnpostedResult();
        CountDownLatch creating = new CountDownLatch(1);
        CountDownLatch slowUpstreams = new CountDownLatch(1);
        log.signalOn("subscribers.create", creating).holdOn("subscribers.create", BOB.email(), slowUpstreams);
        results.holdUntil(slowUpstreams);
        start(FAST);
        worker.resumeJournal();
        assertThat(creating.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        worker.resumeJournal();
        slowUpstreams.countDown();

        assertBothDoneAndPostedOnce();
    }

    @Test
    void anEventTheJournalCannotWriteOut_isAnsweredThatTheStorageIsUnavailable_andNothingIsDoneForIt_untilSentAgain() {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        String order = publishOrder("o1", COMPANY, BOB);
        journal.failNextWriteOut();

        Outcome refused = notify(order);
        Outcome meanwhile = notify(publishOrder("o2", COMPANY, ALICE));
        List<String> callsWhileDown = log.all();
        journal.recover();
        Outcome sentAgain = notify(order);

        assertThat(refused).isEqualTo(meanwhile).isEqualTo(new Outcome.Failed(FailureReason.CONFIGURATION_ERROR,
                "The connector's storage is unavailable (No space left on device), so it cannot take events now and did "
                        + "nothing for this notification; the event is handled when it is sent again once the storage is back."));
        // the journal refuses o2 before it is even fetched; nothing reaches Webex
        assertThat(callsWhileDown).filteredOn(call -> !call.startsWith("credentials."))
                .containsExactly("events.fetch " + order);
        assertThat(sentAgain).isEqualTo(new Outcome.Completed(COMPANY + ":" + BOB.email(), BOB.email() + " is subscribed to webex_meetings"));
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).hasSize(1);
    }

    @Test
    void aSubscriptionTheJournalCannotRecordAfterWebexCreatedTheSubscriber_leavesTheEventUnfinished_andTheRetryFindsIt() {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        subscriptions.failNextSaves(1);

        Outcome answer = notify(publishOrder("o1", COMPANY, BOB));

        assertThat(answer).isEqualTo(new Outcome.Completed(COMPANY + ":" + BOB.email(), BOB.email() + " is subscribed to webex_meetings"));
        // tried again (not failed as a defect), and the second attempt found the subscriber the first created
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.validate")).hasSize(2);
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).hasSize(1);
        assertThat(subscriptions.find(COMPANY + ":" + BOB.email())).hasValueSatisfying(subscription ->
                assertThat(subscription.users()).singleElement().satisfies(user -> assertThat(user.subscriberId()).isNotNull()));
    }

    /** Bob's order, the disk filling up ({@code fill}) while Webex creates his subscriber; returns the order's answer. */
    private Outcome orderWhileTheDiskFills(Runnable fill) throws Exception {
        CountDownLatch creating = new CountDownLatch(1);
        CountDownLatch slowWebex = new CountDownLatch(1);
        log.signalOn("subscribers.create", creating).holdOn("subscribers.create", BOB.email(), slowWebex);
        ExecutorService appDirect = Executors.newSingleThreadExecutor();
        try {
            Future<Outcome> answer = appDirect.submit(() -> notify(publishOrder("o1", COMPANY, BOB)));
            assertThat(creating.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            fill.run();
            slowWebex.countDown();
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            slowWebex.countDown();
            appDirect.shutdownNow();
        }
    }

    /** Bob's subscriber was created once, and the order's result posted. */
    private void assertBobsOrderDoneOnceAndPosted() throws InterruptedException {
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
        assertThat(awaitDelivered("o1").state()).isEqualTo(EventState.COMPLETED);
        assertThat(log.all()).filteredOn(call -> call.startsWith("subscribers.create")).hasSize(1);
    }

    @Test
    void anOutcomeTheJournalCannotWriteOut_isAnsweredAccepted_andPostedOnceTheJournalIsBack() throws Exception {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);

        Outcome answer = orderWhileTheDiskFills(journal::failNextWriteOut);
        journal.recover();
        worker.resumeJournal(); // as the connector does once the journal is back

        assertThat(answer).isInstanceOf(Outcome.InProgress.class);
        assertBobsOrderDoneOnceAndPosted();
    }

    @Test
    void anOutcomeTheJournalCannotRecord_isNotTold_theDeliveryIsAccepted_andTheResultPostedOnceTheJournalIsBack()
            throws Exception {
        start(FAST.withResponseBudget(Duration.ofMillis(500)));
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);

        Outcome answer = orderWhileTheDiskFills(journal::fail);
        journal.recover();

        assertThat(answer).isInstanceOf(Outcome.InProgress.class);
        assertBobsOrderDoneOnceAndPosted();
    }

    @Test
    void aResultOwedAtARestart_isPosted_whileEveryWorkerIsBusyWithResumedEvents() throws Exception {
        start(FAST);
        CountDownLatch creating = new CountDownLatch(FAST.workers());
        CountDownLatch slowWebex = new CountDownLatch(1);
        log.signalOn("subscribers.create", creating).holdOn("subscribers.create", "@contoso.test", slowWebex);
        for (int i = 1; i <= FAST.workers(); i++) { // one company each, so that all of them run at once
            String company = COMPANY + "-" + i;
            webex.addCustomer(company, CustomerStatus.PROVISIONED);
            journal.recordNew(JournalEntry.received(new EventUrl(URI.create(url("o" + i))), new SubscriptionOrdered(
                    new EventToken("o" + i), EventFlag.LIVE, new Company(company, "Company " + i, null, null, "CA"),
                    user(i), new Order("webex_meetings", List.of())), company, clock.instant(),
                    clock.instant().plus(Duration.ofMinutes(30))).processing(clock.instant()));
        }
        // received last, so that it is resumed behind them
        journal.recordNew(JournalEntry.received(new EventUrl(URI.create(url("owed"))), new SubscriptionOrdered(
                        new EventToken("owed"), EventFlag.LIVE, new Company(COMPANY, "Contoso", null, null, "CA"), ALICE,
                        new Order("webex_meetings", List.of())), COMPANY, clock.instant().plusSeconds(1),
                        clock.instant().plus(Duration.ofMinutes(30))).processing(clock.instant())
                .finished(new Outcome.Completed(COMPANY + ":" + ALICE.email(), "done"), clock.instant())
                .answeredAsynchronously(clock.instant()));
        try {
            worker.resumeJournal();
            assertThat(creating.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("every worker at Webex").isTrue();

            assertThat(results.awaitPosted(1, WAIT)).containsExactly("owed COMPLETED " + COMPANY + ":" + ALICE.email());
        } finally {
            slowWebex.countDown();
        }
        assertThat(results.awaitPosted(FAST.workers() + 1, WAIT)).hasSize(FAST.workers() + 1);
    }

    @Test
    void aRedeliveryOfAnEventResumedAfterARestart_isAnsweredItsOutcome_andTheResultIsStillPosted() throws Exception {
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        SubscriptionOrdered order = new SubscriptionOrdered(new EventToken("o1"), EventFlag.LIVE,
                new Company(COMPANY, "Contoso", null, null, "CA"), BOB, new Order("webex_meetings", List.of()));
        // killed after its first delivery was answered 202: the journal has it unfinished
        journal.recordNew(JournalEntry.received(new EventUrl(URI.create(url("o1"))), order, COMPANY, clock.instant(),
                clock.instant().plus(Duration.ofMinutes(30))).processing(clock.instant()));
        CountDownLatch creating = new CountDownLatch(1);
        CountDownLatch slowWebex = new CountDownLatch(1);
        log.signalOn("subscribers.create", creating).holdOn("subscribers.create", BOB.email(), slowWebex);
        ExecutorService appDirect = Executors.newSingleThreadExecutor();
        try {
            start(FAST);
            worker.resumeJournal();
            assertThat(creating.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            Future<Outcome> again = redeliverThenRelease(appDirect, url("o1"), slowWebex);

            assertAnsweredBobsOutcomeAndPostedItOnce(again);
        } finally {
            slowWebex.countDown();
            appDirect.shutdownNow();
        }
    }

    @Test
    void aProvisionedCustomerIsRememberedSoTheNextOrderSkipsTheLookup() {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);

        notify(publishOrder("o1", COMPANY, BOB));
        notify(publishOrder("o2", COMPANY, ALICE));

        assertThat(log.all()).filteredOn(call -> call.startsWith("customers.")).containsExactly("customers.findByExternalId " + COMPANY);
        assertThat(knownCustomers.find(COMPANY)).hasValueSatisfying(customer -> assertThat(customer.id()).isEqualTo(CUSTOMER));
    }

    @Test
    void aRememberedCustomerWebexRejectsWorkFor_isForgotten_soTheNextOrderLooksItUpAgain() {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        notify(publishOrder("o1", COMPANY, BOB));
        log.failOn("subscribers.create", new UpstreamException(FailureReason.UPSTREAM_REJECTED, "Webex: customer not found"));

        Outcome rejected = notify(publishOrder("o2", COMPANY, ALICE));
        log.recover("subscribers.create");
        notify(publishOrder("o3", COMPANY, user(3)));

        assertThat(rejected).isInstanceOf(Outcome.Failed.class);
        assertThat(log.all()).filteredOn(call -> call.startsWith("customers.findByExternalId")).hasSize(2);
    }

    /** Bob's order of a provisioned company, whose subscriber create throws {@code crash} once. */
    private Outcome anOrderCrashingOnce(Error crash) {
        start(FAST);
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        log.crashOnce("subscribers.create", crash);
        return notify(publishOrder("o1", COMPANY, BOB));
    }

    @Test
    void anErrorInAnAttempt_failsTheEventWithAReference_andTheCompanysNextEventsGoOn() {
        Outcome crashed = anOrderCrashingOnce(new OutOfMemoryError("Java heap space (a Webex answer too large)"));
        Outcome next = notify(publishOrder("o2", COMPANY, ALICE));

        assertThat(crashed).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.INTERNAL_ERROR);
            assertThat(failed.message()).contains("under reference");
        });
        assertThat(journaled("o1").state()).isEqualTo(EventState.FAILED);
        assertThat(next).isEqualTo(new Outcome.Completed(COMPANY + ":" + ALICE.email(), ALICE.email() + " is subscribed to webex_meetings"));
        assertThat(worker.isSound()).as("sound after running out of memory").isFalse();
    }

    @Test
    void aDefectInAnAttempt_failsTheEvent_butLeavesTheWorkerSound() {
        Outcome crashed = anOrderCrashingOnce(new AssertionError("a defect of the connector's"));

        assertThat(crashed).isInstanceOfSatisfying(Outcome.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.INTERNAL_ERROR));
        assertThat(worker.isSound()).isTrue();
    }
}
