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
import com.marketbridge.application.port.in.OperateEventUseCase.Result;
import com.marketbridge.application.port.in.OperatorCommand;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.service.fulfilment.Fulfilment;
import com.marketbridge.application.service.fulfilment.FulfilmentSettings;
import com.marketbridge.application.service.scheduling.AsyncSettings;
import com.marketbridge.application.service.scheduling.FulfilmentWorker;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.journal.TimelineEntry.Action;
import com.marketbridge.domain.journal.TimelineEntry.Kind;
import com.marketbridge.domain.outcome.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator's actions through the real worker, against the fakes: each is done, and journaled with who and why. */
class OperateEventServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Retries ten minutes apart: an event that completes within the test was attempted because an operator asked. */
    private static final AsyncSettings SLOW_RETRIES = AsyncSettings.DEFAULTS.withResponseBudget(Duration.ofSeconds(5))
            .withRetries(Duration.ofMinutes(10), Duration.ofMinutes(10)).withResultAttemptBudget(Duration.ofSeconds(1));

    private final CallLog log = new CallLog();
    private final FakeWebex webex = new FakeWebex(log);
    private final FakeMarketplaceEvents events = new FakeMarketplaceEvents(log);
    private final FakeMarketplaceResults results = new FakeMarketplaceResults();
    private final FakeClock clock = new FakeClock();
    private final InMemoryEventJournal journal = new InMemoryEventJournal();
    private FulfilmentWorker worker;
    private HandleMarketplaceEventService service;
    private OperateEventService operator;

    @BeforeEach
    void start() {
        FulfilmentSettings fulfilment = new FulfilmentSettings(EditionCatalog.defaults(), Fixture.template("webex_meetings"),
                Duration.ZERO, Duration.ofSeconds(5), clock, clock);
        worker = new FulfilmentWorker(new Fulfilment(webex.ports(), fulfilment, new InMemorySubscriptions(),
                new InMemoryExtensionReservations(), new InMemoryKnownCustomers()),
                journal, InMemoryLaneLeases.sole(), results, SLOW_RETRIES, clock);
        service = new HandleMarketplaceEventService(new FakeMarketplaceCredentials(log), events, journal, worker, SLOW_RETRIES);
        operator = new OperateEventService(journal, journal, worker);
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    private Outcome order(String token) {
        String url = "https://acme.example.com/api/integration/v1/events/" + token;
        events.publish(url, new SubscriptionOrdered(new EventToken(token), EventFlag.LIVE,
                new Company(COMPANY, "Contoso", null, null, "CA"), BOB, new Order("webex_meetings", List.of())));
        InboundNotification notification = new InboundNotification("GET", URI.create("https://connector.example/api/v1/events"),
                Map.of("eventUrl", List.of(url)), Map.of());
        return service.handle(new HandleMarketplaceEventCommand(notification, url));
    }

    private EventQueries.History history(String token) {
        return journal.history(new EventToken(token)).orElseThrow();
    }

    @Test
    void aWaitingEventRetried_isAttemptedNow_notAtItsNextBackoff_andTheRetryIsInItsTimeline() throws Exception {
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);
        assertThat(order("o1")).isInstanceOf(Outcome.InProgress.class);
        assertThat(history("o1").event().entry().state()).isEqualTo(EventState.WAITING);

        Result result = operator.operate(new OperatorCommand(new EventToken("o1"), Action.RETRY, "admin", "Webex says it is ready"));

        assertThat(result).isInstanceOf(Result.Done.class);
        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
        List<TimelineEntry> timeline = history("o1").timeline();
        assertThat(timeline).extracting(TimelineEntry::kind).startsWith(Kind.RECEIVED, Kind.ATTEMPT, Kind.OPERATOR_ACTION,
                Kind.ATTEMPT);
        assertThat(timeline.get(2)).extracting(TimelineEntry::actor, TimelineEntry::action, TimelineEntry::note,
                TimelineEntry::state).containsExactly("admin", Action.RETRY, "Webex says it is ready", EventState.WAITING);
        assertThat(timeline.get(3).state()).isEqualTo(EventState.COMPLETED);
    }

    @Test
    void aParkedResultRedelivered_isPostedAgain_andAFailedEventResolved_staysResolved() throws Exception {
        webex.provisionNewCustomersAs(CustomerStatus.PROVISIONING, CustomerStatus.PROVISIONED);
        results.refuse();
        order("o1");
        operator.operate(new OperatorCommand(new EventToken("o1"), Action.RETRY, "admin", null));
        awaitState("o1", EventState.PARKED);
        results.accept();

        assertThat(operator.operate(new OperatorCommand(new EventToken("o1"), Action.REDELIVER, "admin", "fixed at AppDirect")))
                .isInstanceOf(Result.Done.class);

        assertThat(results.awaitPosted(1, WAIT)).containsExactly("o1 COMPLETED " + COMPANY + ":" + BOB.email());
        awaitDelivered("o1");
        List<TimelineEntry> timeline = history("o1").timeline();
        assertThat(timeline).extracting(TimelineEntry::kind).endsWith(Kind.RESULT_DELIVERY, Kind.OPERATOR_ACTION,
                Kind.RESULT_DELIVERY);
        assertThat(timeline.get(timeline.size() - 3).state()).isEqualTo(EventState.PARKED);
        assertThat(timeline.get(timeline.size() - 2).action()).isEqualTo(Action.REDELIVER);
        assertThat(timeline.get(timeline.size() - 1).outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void anActionTheStateDoesNotAllow_isRefused_andAnUnknownEventSaidSo_withNothingJournaled() {
        webex.addCustomer(COMPANY, CustomerStatus.PROVISIONED);
        order("o1"); // completes at once

        Result retry = operator.operate(new OperatorCommand(new EventToken("o1"), Action.RETRY, "admin", null));
        Result resolve = operator.operate(new OperatorCommand(new EventToken("o1"), Action.RESOLVE, "admin", "n/a"));
        Result unknown = operator.operate(new OperatorCommand(new EventToken("nope"), Action.RESOLVE, "admin", "n/a"));

        assertThat(retry).isEqualTo(new Result.Refused("Event o1 is COMPLETED: only a WAITING event can be retried"));
        assertThat(resolve).isEqualTo(new Result.Refused("Event o1 is COMPLETED: only a FAILED or PARKED event can be resolved"));
        assertThat(unknown).isEqualTo(new Result.UnknownEvent());
        assertThat(history("o1").timeline()).extracting(TimelineEntry::kind).containsExactly(Kind.RECEIVED, Kind.ATTEMPT);
    }

    private void awaitState(String token, EventState state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (history(token).event().entry().state() != state) {
            assertThat(System.nanoTime()).as("waiting for " + token + " to be " + state).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private void awaitDelivered(String token) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!history(token).event().entry().resultDelivered()) {
            assertThat(System.nanoTime()).as("waiting for " + token + "'s result to be delivered").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
