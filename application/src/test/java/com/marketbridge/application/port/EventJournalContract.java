package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.marketbridge.application.port.out.EventJournal;
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

    /** A new, empty journal for each test; the subclass closes it afterwards if it must. */
    protected abstract EventJournal journal();

    /** The journal the next start finds if the process is killed now, with no chance to write anything out. */
    protected abstract EventJournal afterCrash(EventJournal journal);

    @BeforeEach
    void openJournal() {
        journal = journal();
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
}
