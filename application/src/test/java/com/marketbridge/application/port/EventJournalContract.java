package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.journal.TimelineEntry.Action;
import com.marketbridge.domain.journal.TimelineEntry.Kind;
import java.util.Map;
import java.util.Optional;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.NoticeType;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link EventJournal} promises, run against the in-memory fake and against each real store, so
 * the services' tests against the fake say something about production.
 */
public abstract class EventJournalContract {

    /** Sub-microsecond on purpose: a store that rounds its timestamps loses the equality these tests assert. */
    protected static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");
    protected static final MarketplaceUser BOB = new MarketplaceUser("u-bob", "bob@contoso.test", "Bob", "Buyer", "fr-CA");
    protected static final MarketplaceUser ALICE = new MarketplaceUser(null, "alice@contoso.test", null, null, null);
    protected static final String BOB_ACCOUNT = "c1:" + BOB.email();

    private EventJournal journal;
    private EventQueries queries;

    /** A new, empty journal for each test; the subclass closes it afterwards if it must. */
    protected abstract EventJournal journal();

    /** The operators' reading of the journal {@link #journal()} made last. */
    protected abstract EventQueries queries();

    /** The journal the next start finds if the process is killed now, with no chance to write anything out. */
    protected abstract EventJournal afterCrash(EventJournal journal);

    @BeforeEach
    void openJournal() {
        journal = journal();
        queries = queries();
    }

    // ---- fixtures, shared with the adapters' own tests ---------------------------------------------------------

    public static EventUrl url(String token) {
        return EventUrl.parse("https://acme.example.com/api/integration/v1/events/" + token);
    }

    public static SubscriptionOrdered order(String token) {
        return new SubscriptionOrdered(new EventToken(token), EventFlag.LIVE,
                new Company("c1", "Contoso", "billing@contoso.test", null, "CA"), BOB,
                new Order("WEBEX_CALLING", List.of(new OrderItem("USER", 10), new OrderItem("GIGABYTE", 0))));
    }

    /** One event of every type, each with optional parts present or absent, to catch what a store drops. */
    public static List<MarketplaceEvent> oneOfEachEvent() {
        return List.of(
                order("t-order"),
                new SubscriptionChanged(new EventToken("t-change"), EventFlag.DEVELOPMENT, BOB_ACCOUNT, null,
                        new Order("WEBEX_MEETINGS", List.of())),
                new SubscriptionCancelled(new EventToken("t-cancel"), EventFlag.STATELESS, "c1", ALICE),
                new SubscriptionNoticed(new EventToken("t-notice"), EventFlag.LIVE, BOB_ACCOUNT, NoticeType.DEACTIVATED,
                        "unpaid \"invoice\" — 30 días"),
                new SubscriptionNoticed(new EventToken("t-notice-bare"), EventFlag.LIVE, BOB_ACCOUNT, NoticeType.OTHER, null),
                new UserAssigned(new EventToken("t-assign"), EventFlag.LIVE, BOB_ACCOUNT, ALICE, BOB),
                new UserUnassigned(new EventToken("t-unassign"), EventFlag.LIVE, "c1", ALICE, null),
                new UserUpdated(new EventToken("t-update"), EventFlag.DEVELOPMENT, BOB_ACCOUNT, BOB, ALICE),
                new UnsupportedEvent(new EventToken("t-addon"), EventFlag.LIVE, "ADDON_ORDER"));
    }

    /** Entries in every state, with every kind of outcome (and none), asynchronous and delivered or not. */
    static Stream<Named<JournalEntry>> entriesOfEveryShape() {
        List<MarketplaceEvent> events = oneOfEachEvent();
        Outcome[] outcomes = {
                null,
                new Outcome.InProgress("waiting for Webex to provision the customer"),
                new Outcome.Completed(BOB_ACCOUNT, "Subscribed bob@contoso.test"),
                new Outcome.Completed(null, "Nothing to do"),
                new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "Webex refused", "ROUTER_123"),
                new Outcome.Failed(FailureReason.ACCOUNT_NOT_FOUND, "No customer"),
                new Outcome.Failed(FailureReason.UPSTREAM_UNAVAILABLE, "Webex answered 503", "ROUTER_9", 503),
        };
        EventState[] states = EventState.values();
        return Stream.iterate(0, i -> i + 1).limit(events.size()).map(i -> {
            MarketplaceEvent event = events.get(i);
            EventState state = states[i % states.length];
            Outcome outcome = outcomes[i % outcomes.length];
            if (state.isFinished() && outcome == null) {
                outcome = new Outcome.Failed(FailureReason.INTERNAL_ERROR, "gave up");
            }
            JournalEntry entry = new JournalEntry(url(event.token().value()), event, "lane-" + i, state, i,
                    T0.plusSeconds(60 + i), outcome, i % 2 == 0, i % 3 == 0, T0.plusNanos(i), T0.plus(Duration.ofMinutes(10)),
                    T0.plusMillis(i));
            String outcomeKind = outcome == null ? "no outcome" : outcome.getClass().getSimpleName();
            return Named.of(event.getClass().getSimpleName() + ", " + state + ", " + outcomeKind, entry);
        });
    }

    public static JournalEntry received(String token, Instant at) {
        return JournalEntry.received(url(token), order(token), "c1", at, at.plusSeconds(600));
    }

    // ---- events -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("entriesOfEveryShape")
    void givenAnEntryOfAnyShape_recordNewThenFind_returnsAnEqualEntry(JournalEntry entry) {
        assertThat(journal.recordNew(entry)).isTrue();

        assertThat(journal.find(entry.event().token())).contains(entry);
    }

    @Test
    void givenNothingJournaled_find_isEmpty() {
        assertThat(journal.find(new EventToken("never-seen"))).isEmpty();
    }

    @Test
    void givenAJournaledToken_recordNewAgain_returnsFalseAndKeepsTheFirstEntry() {
        JournalEntry first = received("t1", T0);
        JournalEntry second = new JournalEntry(url("t1"), order("t1"), "other-lane", EventState.COMPLETED, 3, T0,
                new Outcome.Completed("x", "done"), true, true, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
        journal.recordNew(first);

        assertThat(journal.recordNew(second)).isFalse();
        assertThat(journal.find(new EventToken("t1"))).contains(first);
    }

    @Test
    void givenAJournaledEntry_update_replacesIt() {
        JournalEntry received = received("t1", T0);
        journal.recordNew(received);
        JournalEntry finished = received.processing(T0.plusSeconds(1))
                .finished(new Outcome.Failed(FailureReason.UPSTREAM_UNAVAILABLE, "Webex down", "trk-1"), T0.plusSeconds(2))
                .answeredAsynchronously(T0.plusSeconds(3));

        journal.update(finished);

        assertThat(journal.find(new EventToken("t1"))).contains(finished);
    }

    @Test
    void givenAnUnknownToken_update_throwsAndRecordsNothing() {
        JournalEntry unknown = received("t-unknown", T0);

        assertThatIllegalArgumentException().isThrownBy(() -> journal.update(unknown)).withMessageContaining("t-unknown");
        assertThat(journal.find(new EventToken("t-unknown"))).isEmpty();
    }

    @Test
    void needingWorkListsUnfinishedEntriesAndUndeliveredAsynchronousResultsOldestFirst() {
        Outcome done = new Outcome.Completed(BOB_ACCOUNT, "done");
        JournalEntry processing = received("processing", T0.plusSeconds(4)).processing(T0.plusSeconds(5));
        JournalEntry receivedLast = received("received", T0.plusSeconds(9));
        JournalEntry waiting = received("waiting", T0.plusSeconds(1)).processing(T0)
                .waiting(new Outcome.InProgress("provisioning"), T0.plusSeconds(30), T0);
        JournalEntry asyncUndelivered = received("async-undelivered", T0.plusSeconds(2)).answeredAsynchronously(T0)
                .processing(T0).finished(done, T0);
        JournalEntry syncDelivered = received("sync-delivered", T0).processing(T0).finished(done, T0).delivered(T0);
        JournalEntry syncUndelivered = received("sync-undelivered", T0).processing(T0).finished(done, T0);
        JournalEntry asyncDelivered = received("async-delivered", T0).answeredAsynchronously(T0).processing(T0)
                .finished(done, T0).delivered(T0);
        JournalEntry parked = received("parked", T0).answeredAsynchronously(T0).processing(T0)
                .finished(new Outcome.Failed(FailureReason.UPSTREAM_UNAVAILABLE, "Webex unreachable"), T0).parked(T0);
        for (JournalEntry entry : List.of(receivedLast, syncDelivered, processing, parked, asyncUndelivered,
                syncUndelivered, waiting, asyncDelivered)) {
            journal.recordNew(entry);
        }

        assertThat(journal.needingWork()).containsExactly(waiting, asyncUndelivered, processing, receivedLast);
    }

    @Test
    void needingWorkAgreesWithEachEntrysOwnNeedsWorkForEveryStateAndDeliveryFlag() {
        List<JournalEntry> all = new ArrayList<>();
        int n = 0;
        for (EventState state : EventState.values()) {
            for (boolean asynchronous : new boolean[] {false, true}) {
                for (boolean delivered : new boolean[] {false, true}) {
                    String token = state + "-" + asynchronous + "-" + delivered;
                    Outcome outcome = state.isFinished() ? new Outcome.Completed(null, "done") : null;
                    all.add(new JournalEntry(url(token), order(token), "c1", state, 1, T0, outcome, asynchronous, delivered,
                            T0.plusSeconds(n++), T0.plusSeconds(600), T0));
                }
            }
        }
        all.forEach(journal::recordNew);

        assertThat(journal.needingWork()).containsExactlyElementsOf(all.stream().filter(JournalEntry::needsWork).toList());
    }

    @Test
    void aResultPromisedWhileTheEventRuns_isKeptByTheUpdateThatFinishesIt_andStaysOwed() {
        JournalEntry processing = received("t1", T0).processing(T0);
        journal.recordNew(processing);

        assertThat(journal.promiseResult(new EventToken("t1"))).isTrue();
        journal.update(processing.finished(new Outcome.Completed(BOB_ACCOUNT, "done"), T0).delivered(T0));

        JournalEntry finished = journal.find(new EventToken("t1")).orElseThrow();
        assertThat(finished.state()).isEqualTo(EventState.COMPLETED);
        assertThat(finished.asynchronous()).isTrue();
        assertThat(finished.resultDelivered()).as("answered, but not posted").isFalse();
        assertThat(finished.needsWork()).isTrue();
        JournalEntry posted = finished.delivered(T0.plusSeconds(1));
        journal.update(posted);
        assertThat(journal.find(new EventToken("t1"))).contains(posted);
    }

    @Test
    void aResultIsNotPromisedForAFinishedEvent_orAnUnknownOne() {
        JournalEntry finished = received("t1", T0).processing(T0).finished(new Outcome.Completed(BOB_ACCOUNT, "done"), T0)
                .delivered(T0);
        journal.recordNew(finished);

        assertThat(journal.promiseResult(new EventToken("t1"))).isFalse();
        assertThat(journal.find(new EventToken("t1"))).contains(finished);
        assertThat(journal.promiseResult(new EventToken("t-unknown"))).isFalse();
    }

    @Test
    void needingWorkOfALaneListsOnlyThatLanesEntriesOldestFirst() {
        Outcome done = new Outcome.Completed(BOB_ACCOUNT, "done");
        JournalEntry later = received("c1-later", T0.plusSeconds(3));
        JournalEntry earlier = received("c1-earlier", T0.plusSeconds(1)).processing(T0.plusSeconds(2));
        JournalEntry owed = received("c1-owed", T0.plusSeconds(2)).answeredAsynchronously(T0).processing(T0)
                .finished(done, T0);
        JournalEntry delivered = received("c1-delivered", T0).processing(T0).finished(done, T0).delivered(T0);
        JournalEntry otherLane = new JournalEntry(url("c2-event"), order("c2-event"), "c2", EventState.RECEIVED, 0, T0,
                null, false, false, T0, T0.plusSeconds(600), T0);
        for (JournalEntry entry : List.of(later, otherLane, delivered, earlier, owed)) {
            journal.recordNew(entry);
        }

        assertThat(journal.needingWork("c1")).containsExactly(earlier, owed, later);
        assertThat(journal.needingWork("c2")).containsExactly(otherLane);
        assertThat(journal.needingWork("c3")).isEmpty();
    }

    @Test
    void givenAnEmptyJournal_needingWork_isEmpty() {
        assertThat(journal.needingWork()).isEmpty();
    }

    // ---- durability -----------------------------------------------------------------------------------------------

    @Test
    void givenWritesMadeDurable_aCrash_keepsThemAll() {
        JournalEntry first = received("t-1", T0);
        JournalEntry second = received("t-2", T0.plusSeconds(1)).processing(T0.plusSeconds(2));
        journal.recordNew(first);
        journal.recordNew(received("t-2", T0.plusSeconds(1)));
        journal.update(second);

        journal.makeDurable();
        EventJournal restarted = afterCrash(journal);

        assertThat(restarted.needingWork()).containsExactly(first, second);
    }

    @Test
    void givenManyThreadsEachWritingThenMakingDurable_aCrash_keepsEveryOnesWrite() throws Exception {
        int threads = 16;
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            JournalEntry entry = received("t-" + i, T0.plusSeconds(i));
            writers.add(new Thread(() -> {
                journal.recordNew(entry);
                journal.makeDurable();
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join(10_000);
        }

        EventJournal restarted = afterCrash(journal);

        assertThat(restarted.needingWork()).hasSize(threads);
    }

    @Test
    void makeDurableWithNothingWritten_returns() {
        journal.makeDurable();
        journal.makeDurable();

        assertThat(afterCrash(journal).needingWork()).isEmpty();
    }

    @Test
    void anOpenJournalSaysSo() {
        assertThat(journal.isOpen()).isTrue();
    }

    // ---- timeline and the operators' queries -----------------------------------------------------------------------

    @Test
    void everyRecordedStepOfAnEvent_isInItsTimeline_oldestFirst_withItsUpstreamStatusAndTrackingId() {
        JournalEntry received = received("t1", T0);
        journal.recordNew(received);
        JournalEntry processing = received.processing(T0.plusSeconds(1));
        journal.update(processing);
        JournalEntry waiting = processing.waiting(new Outcome.Failed(FailureReason.UPSTREAM_UNAVAILABLE, "Webex down",
                "trk-503", 503), T0.plusSeconds(10), T0.plusSeconds(2));
        journal.update(waiting, TimelineEntry.attempt(waiting));
        JournalEntry failed = waiting.processing(T0.plusSeconds(10)).finished(new Outcome.Failed(
                FailureReason.UPSTREAM_REJECTED, "Webex refused", "trk-409", 409), T0.plusSeconds(11))
                .answeredAsynchronously(T0.plusSeconds(11));
        journal.update(failed, TimelineEntry.attempt(failed));
        Outcome.Failed refused = new Outcome.Failed(FailureReason.UPSTREAM_UNAVAILABLE, "AppDirect answered HTTP 502",
                null, 502);
        journal.addToTimeline(new EventToken("t1"), TimelineEntry.delivery(T0.plusSeconds(12), EventState.FAILED, refused));
        JournalEntry parked = failed.parked(T0.plusSeconds(13));
        journal.update(parked, TimelineEntry.delivery(parked.updatedAt(), parked.state(), refused));
        JournalEntry resolved = parked.resolved(T0.plusSeconds(14));
        TimelineEntry resolving = TimelineEntry.operatorAction(resolved, "admin", Action.RESOLVE, "refunded by hand");
        assertThat(journal.act(EventState.PARKED, resolved, resolving)).isTrue();

        EventQueries.History history = queries.history(new EventToken("t1")).orElseThrow();

        assertThat(history.event().entry()).isEqualTo(resolved);
        assertThat(history.event().company()).isEqualTo(new EventQueries.CompanyRef("c1", "Contoso"));
        assertThat(history.timeline()).containsExactly(TimelineEntry.received(received), TimelineEntry.attempt(waiting),
                TimelineEntry.attempt(failed), TimelineEntry.delivery(T0.plusSeconds(12), EventState.FAILED, refused),
                TimelineEntry.delivery(parked.updatedAt(), EventState.PARKED, refused), resolving);
        assertThat(history.timeline().get(2).outcome()).isInstanceOfSatisfying(Outcome.Failed.class, outcome -> {
            assertThat(outcome.upstreamStatus()).isEqualTo(409);
            assertThat(outcome.trackingId()).isEqualTo("trk-409");
        });
        assertThat(history.timeline().get(5).note()).isEqualTo("refunded by hand");
    }

    @Test
    void anEventReceivedOnly_hasItsReceiptAsItsTimeline_andAnUnknownOneHasNone() {
        JournalEntry received = received("t1", T0);
        journal.recordNew(received);

        assertThat(queries.history(new EventToken("t1")).orElseThrow().timeline())
                .containsExactly(new TimelineEntry(received.receivedAt(), Kind.RECEIVED, EventState.RECEIVED, null, null,
                        null, null));
        assertThat(queries.history(new EventToken("never-seen"))).isEmpty();
    }

    @Test
    void anOperatorsAction_isTakenOnlyInTheStateItExpects() {
        JournalEntry failed = received("t1", T0).processing(T0).finished(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED,
                "no"), T0);
        journal.recordNew(failed);
        JournalEntry resolved = failed.resolved(T0.plusSeconds(1));

        assertThat(journal.act(EventState.PARKED, resolved, TimelineEntry.operatorAction(resolved, "admin",
                Action.RESOLVE, "x"))).isFalse();

        assertThat(journal.find(new EventToken("t1"))).contains(failed);
        assertThat(queries.history(new EventToken("t1")).orElseThrow().timeline()).hasSize(1);
    }

    @Test
    void twoOperatorsResolvingTheSameEventAtOnce_oneIsTaken_andTheTimelineHoldsOneResolve() throws Exception {
        JournalEntry failed = received("t1", T0).processing(T0).finished(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED,
                "no"), T0);
        journal.recordNew(failed);
        JournalEntry resolved = failed.resolved(T0.plusSeconds(1));
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> taken = new ArrayList<>();
            for (String operator : List.of("alice", "bob")) {
                taken.add(operators.submit(() -> {
                    ready.countDown();
                    go.await();
                    return journal.act(EventState.FAILED, resolved,
                            TimelineEntry.operatorAction(resolved, operator, Action.RESOLVE, "handled by " + operator));
                }));
            }
            ready.await();
            go.countDown();
            int actions = 0;
            for (Future<Boolean> action : taken) {
                actions += action.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(actions).as("actions taken").isEqualTo(1);
        } finally {
            operators.shutdownNow();
        }
        assertThat(journal.find(new EventToken("t1"))).contains(resolved);
        assertThat(queries.history(new EventToken("t1")).orElseThrow().timeline())
                .filteredOn(entry -> entry.kind() == Kind.OPERATOR_ACTION).hasSize(1);
    }

    @Test
    void aResolvedEvent_staysResolved_whateverUpdateComesAfter() {
        JournalEntry failed = received("t1", T0).answeredAsynchronously(T0).processing(T0)
                .finished(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "no"), T0);
        journal.recordNew(failed);
        JournalEntry resolved = failed.resolved(T0.plusSeconds(1));
        journal.act(EventState.FAILED, resolved, TimelineEntry.operatorAction(resolved, "admin", Action.RESOLVE, "done"));

        JournalEntry delivered = failed.delivered(T0.plusSeconds(2)); // a post of its result that was under way
        journal.update(delivered, TimelineEntry.delivery(delivered.updatedAt(), delivered.state(),
                new Outcome.Completed(null, "taken")));

        assertThat(journal.find(new EventToken("t1"))).contains(resolved);
        assertThat(journal.needingWork()).isEmpty();
        assertThat(queries.history(new EventToken("t1")).orElseThrow().timeline()).hasSize(2);
    }

    @Test
    void theListing_isNewestReceivedFirst_aPageAfterAnother_untilTheLastHasNoCursor() {
        for (int i = 0; i < 7; i++) {
            journal.recordNew(received("t" + i, T0.plusSeconds(i % 3 == 0 ? 0 : i))); // three share one time
        }
        List<String> listed = new ArrayList<>();
        EventQueries.Cursor cursor = null;
        int pages = 0;
        do {
            EventQueries.Page page = queries.events(new EventQueries.Filter(null, null, null, null, null, 3, cursor));
            page.events().forEach(summary -> listed.add(summary.entry().event().token().value()));
            cursor = page.next().orElse(null);
            pages++;
        } while (cursor != null);

        assertThat(listed).containsExactly("t5", "t4", "t2", "t1", "t6", "t3", "t0");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void theListing_filtersByState_type_companyUuidOrPartOfItsName_andReceivedTime() {
        JournalEntry contoso = received("contoso", T0);
        SubscriptionOrdered fabrikamOrder = new SubscriptionOrdered(new EventToken("fabrikam"), EventFlag.LIVE,
                new Company("c2", "Fabrikam_100%", null, null, "US"), BOB, new Order("WEBEX_MEETINGS", List.of()));
        JournalEntry fabrikam = JournalEntry.received(url("fabrikam"), fabrikamOrder, "c2", T0.plusSeconds(1),
                T0.plusSeconds(600)).processing(T0.plusSeconds(1)).finished(new Outcome.Failed(
                FailureReason.UPSTREAM_REJECTED, "no"), T0.plusSeconds(2));
        JournalEntry fabrikamChange = JournalEntry.received(url("fabrikam-change"), new SubscriptionChanged(
                new EventToken("fabrikam-change"), EventFlag.LIVE, "c2:bob@contoso.test", null,
                new Order("WEBEX_CALLING", List.of())), "c2", T0.plusSeconds(2), T0.plusSeconds(600));
        JournalEntry addon = JournalEntry.received(url("addon"), new UnsupportedEvent(new EventToken("addon"),
                EventFlag.LIVE, "ADDON_ORDER"), "addon", T0.plusSeconds(3), T0.plusSeconds(600));
        for (JournalEntry entry : List.of(contoso, fabrikam, fabrikamChange, addon)) {
            journal.recordNew(entry);
        }

        assertThat(tokens(new EventQueries.Filter(EventState.FAILED, null, null, null, null, 50, null)))
                .containsExactly("fabrikam");
        assertThat(tokens(new EventQueries.Filter(null, "SUBSCRIPTION_CHANGE", null, null, null, 50, null)))
                .containsExactly("fabrikam-change");
        assertThat(tokens(new EventQueries.Filter(null, null, "c1", null, null, 50, null))).containsExactly("contoso");
        assertThat(tokens(new EventQueries.Filter(null, null, "BRIKAM_1", null, null, 50, null)))
                .containsExactly("fabrikam-change", "fabrikam");
        assertThat(tokens(new EventQueries.Filter(null, null, "m%", null, null, 50, null))).isEmpty();
        assertThat(tokens(new EventQueries.Filter(null, null, null, fabrikam.receivedAt(), addon.receivedAt(), 50, null)))
                .containsExactly("fabrikam-change", "fabrikam");
        EventQueries.Page all = queries.events(new EventQueries.Filter(null, null, null, null, null, 50, null));
        assertThat(all.events()).extracting(EventQueries.Summary::company).containsExactly(null,
                new EventQueries.CompanyRef("c2", "Fabrikam_100%"), new EventQueries.CompanyRef("c2", "Fabrikam_100%"),
                new EventQueries.CompanyRef("c1", "Contoso"));
    }

    @Test
    void theOverview_countsByState_theLastDaysOutcomes_theOldestWaiting_andFailuresByReason() {
        Instant now = T0.plus(Duration.ofDays(2));
        Instant recently = now.minus(Duration.ofHours(1));
        Instant longAgo = now.minus(Duration.ofDays(1)).minusSeconds(1);
        journal.recordNew(received("old-done", longAgo).processing(longAgo).finished(new Outcome.Completed(null, "ok"), longAgo));
        journal.recordNew(received("done", recently).processing(recently).finished(new Outcome.Completed(null, "ok"), recently));
        journal.recordNew(received("failed", recently).processing(recently)
                .finished(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "no"), recently));
        for (String token : List.of("waiting-later", "waiting-first")) {
            Instant at = token.equals("waiting-first") ? longAgo : recently;
            journal.recordNew(received(token, at).processing(at).waiting(new Outcome.InProgress("provisioning"),
                    now.plusSeconds(5), at));
        }

        EventQueries.Overview overview = queries.overview(now);

        assertThat(overview.states()).containsEntry(EventState.COMPLETED, 2L).containsEntry(EventState.FAILED, 1L)
                .containsEntry(EventState.WAITING, 2L).containsEntry(EventState.RESOLVED, 0L)
                .hasSize(EventState.values().length);
        assertThat(overview.completedLast24h()).isEqualTo(1);
        assertThat(overview.failedLast24h()).isEqualTo(1);
        assertThat(overview.oldestWaiting()).contains(new EventQueries.Oldest(new EventToken("waiting-first"),
                longAgo.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        assertThat(overview.failuresByReason()).isEqualTo(Map.of(FailureReason.UPSTREAM_REJECTED, 1L));
    }

    private List<String> tokens(EventQueries.Filter filter) {
        return queries.events(filter).events().stream().map(summary -> summary.entry().event().token().value()).toList();
    }
}
